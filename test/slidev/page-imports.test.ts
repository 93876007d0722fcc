// The project's own code in the page imports only packages Vite serves at once: a package Vite
// finds late (on the first request for it) is optimized while the page is open and reloads it, and
// on a fresh clone (a cold cache) that reload came in the middle of an export's printing
// (`Printing failed`) or left its slides waiting for the server (CI, before this test).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/core/paths'
import { OPTIMIZER_EXCLUDE, PAGE_PACKAGES } from '../../scripts/slidev/slidev-internals'
import { tempDir } from '../helpers'

type Entry = string | { contents: string, dir: string }

/** The packages that the modules `entries` (files, or a Vue file's script in its folder) import, with everything of the project they import in turn. */
async function packagesOf(entries: Entry[]): Promise<string[]> {
  const names: string[] = []
  for (const entry of entries) {
    const from = typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir: entry.dir, loader: 'ts' as const } }
    const out = await build({ ...from, bundle: true, write: false, metafile: true, packages: 'external', format: 'esm', platform: 'browser', outdir: tempDir(), logLevel: 'silent' })
    names.push(...Object.values(out.metafile.outputs).flatMap(o => o.imports.filter(i => i.external).map(i => i.path)))
  }
  return [...new Set(names.map(p => p.match(/^(@[^/]+\/[^/]+|[^/]+)/)![1]!))].sort()
}

/** Page modules of the project: setup/*.ts, and the script blocks of components/*.vue and of Slidev's slots at the top (custom-nav-controls.vue …). */
function pageModules(): Entry[] {
  const setup = readdirSync(join(ROOT, 'setup')).filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts')).map(f => join(ROOT, 'setup', f))
  const vue = [join(ROOT, 'components'), ROOT].flatMap(dir => readdirSync(dir).filter(f => f.endsWith('.vue')).map(f => ({ dir, source: readFileSync(join(dir, f), 'utf8') })))
  return [...setup, ...vue.map(({ dir, source }) => ({ dir, contents: [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map(m => m[1]).join('\n') }))]
}

describe('the page code of the project', () => {
  it('imports only packages Slidev keeps out of Vite\'s optimizer', async () => {
    const used = await packagesOf(pageModules())
    expect(used.length).toBeGreaterThan(0)
    expect(used.filter(p => !(PAGE_PACKAGES as readonly string[]).includes(p))).toEqual([])
  })

  it('the check can fail: the text helpers of the planner import a package', async () => {
    expect(await packagesOf([join(ROOT, 'scripts/pipeline/text.ts')])).toContain('mdast-util-to-string')
  })

  it('PAGE_PACKAGES are the ones the pinned Slidev excludes from the optimizer', () => {
    const dist = join(ROOT, 'node_modules/@slidev/cli/dist')
    const serve = readdirSync(dist).find(f => /^serve-.*\.mjs$/.test(f) && OPTIMIZER_EXCLUDE.test(readFileSync(join(dist, f), 'utf8')))
    expect(serve).toBeDefined()
    const excluded = JSON.parse(readFileSync(join(dist, serve!), 'utf8').match(OPTIMIZER_EXCLUDE)![1]!.replace(/,\s*\]/, ']')) as string[]
    for (const p of PAGE_PACKAGES)
      expect(excluded).toContain(p)
  })
})
