/** `npm run site [-- <folder>] [-o <folder>] [--jobs <n>]`: a notes folder as one offline site of decks. */
import { availableParallelism } from 'node:os'
import { dirname, relative, resolve } from 'node:path'
import { parseCommon } from './args'
import { NotedeckError } from '../core/errors'
import { DEFAULT_NOTES, ROOT, defaultSitePath } from '../core/paths'
import { resolveBrowser } from '../slidev/browser'
import { makeSite } from '../site/site'
import { progress } from '../site/site-progress'
import { exportRequest } from './export-request'
import { USAGE } from './usage'

/** `--jobs`: a whole number from 1, default the machine's cores. */
export function jobsOption(value: unknown): number {
  if (value === undefined)
    return availableParallelism()
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new NotedeckError('USAGE', `--jobs takes a whole number from 1, not "${String(value)}"`)
  return n
}

export async function runSite(argv: string[]): Promise<number> {
  const { values, notes: folderArg } = parseCommon(argv, 'site')
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const folder = resolve(folderArg ?? dirname(DEFAULT_NOTES))
  const out = typeof values.out === 'string' ? resolve(values.out) : defaultSitePath(ROOT)
  const { timeoutMs } = exportRequest(values, 'pdf')
  const started = Date.now()
  const result = await makeSite({ folder, out, offline: values.offline === true, fresh: values.fresh === true, jobs: jobsOption(values.jobs), timeoutMs, browser: await resolveBrowser() }, progress())
  const shown = relative(process.cwd(), out) || out
  console.log(`notedeck: ${shown}/ (${result.decks.length} deck${result.decks.length === 1 ? '' : 's'}, ${result.made} made, ${result.reused} up to date, ${((Date.now() - started) / 1000).toFixed(1)} s); serve it with any static file server, e.g. python3 -m http.server -d ${shown}`)
  if (result.failed.length) {
    throw new NotedeckError('EXPORT_FAILED', `${result.failed.length} of ${result.failed.length + result.decks.length} notes could not be made (above): ${result.failed.map(f => f.source).join(', ')}; the site has the others`)
  }
  return 0
}
