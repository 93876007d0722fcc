/**
 * `npm run build [-- <notes.md>] [-o <folder>]`: the deck as a static site (default dist/slides-site/, other notes dist/<name>-site/)
 * that works offline from any folder: relative asset paths, hash routing (no server rewrites
 * needed), fonts and Mermaid bundled. Replaces the previous site only once the new one is built.
 */
import { mkdir, rm } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { parseCommon } from './args'
import { exportKey, isFresh, remember } from '../export/export-cache'
import { generateForDeck } from './generate-deck'
import { DEFAULT_NOTES, ROOT, defaultBuildPath, outputNameFor } from '../core/paths'
import { buildDeckSite } from '../slidev/slidev-build'
import { USAGE } from './usage'
import { replacePath, tempPathFor } from '../core/write'

export async function runBuild(argv: string[]): Promise<number> {
  const { values, notes } = parseCommon(argv, 'build')
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const output = typeof values.out === 'string' ? resolve(values.out) : defaultBuildPath(ROOT, outputNameFor(notes ?? DEFAULT_NOTES))
  const result = await generateForDeck(notes, values)
  const key = await exportKey(result.markdown, { format: 'site' })
  if (!values.fresh && await isFresh(output, key)) {
    console.log(`notedeck: ${relative(process.cwd(), output)}/ is up to date (nothing that shapes it changed; --fresh builds anyway)`)
    return 0
  }
  await mkdir(dirname(output), { recursive: true })
  const tmp = tempPathFor(output)
  const started = Date.now()
  try {
    await buildDeckSite(result.out, tmp)
    await replacePath(tmp, output)
    await remember(output, key)
  }
  finally {
    await rm(tmp, { recursive: true, force: true })
  }
  console.log(`notedeck: ${relative(process.cwd(), output)}/ (${result.plan.slides.length} slides, ${((Date.now() - started) / 1000).toFixed(1)} s); serve it with any static file server, e.g. python3 -m http.server -d ${relative(process.cwd(), output)}`)
  return 0
}
