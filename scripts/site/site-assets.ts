/**
 * What the decks of a site share: Slidev's client, Mermaid and the fonts are the same files in
 * every deck's build (Vite names them by their content), so each build's `assets/` is moved into
 * the site's one `assets/` and the deck's pages point there. The index page's own script (the
 * search, bundled with MiniSearch) and its fonts (the bundled text fonts' rules, taken from the
 * decks' style sheet, pointing at the same shared files) go there too.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { NotedeckError } from '../core/errors'
import { FONTS } from '../pipeline/geometry'
import { ROOT } from '../core/paths'

/** Moves every file under `deckDir/assets/` into `shared`, at the same path (a file already there by that name is the same file: Vite names them by content), and points the deck's pages there. */
export async function shareAssets(deckDir: string, shared: string, fromDeckToShared = '../../assets/'): Promise<string[]> {
  const own = join(deckDir, 'assets')
  const files = (await readdir(own, { withFileTypes: true, recursive: true }).catch(() => [])).filter(e => e.isFile())
  for (const f of files) {
    const from = join(f.parentPath, f.name)
    const to = join(shared, relative(own, from))
    const there = await stat(to).catch(() => undefined)
    if (!there) {
      await mkdir(dirname(to), { recursive: true })
      await rename(from, to)
    }
    else if (there.size !== (await stat(from)).size) {
      throw new NotedeckError('EXPORT_FAILED', `two decks' builds have different files named assets/${relative(own, from)}`, { hint: 'run `npm run site -- --fresh`' })
    }
  }
  await rm(own, { recursive: true, force: true })
  const used = files.map(f => relative(own, join(f.parentPath, f.name)).split(sep).join('/')).sort()
  for (const page of (await readdir(deckDir)).filter(f => f.endsWith('.html'))) {
    const html = await readFile(join(deckDir, page), 'utf8')
    await writeFile(join(deckDir, page), html.replaceAll('"./assets/', `"${fromDeckToShared}`))
  }
  return used
}

/** Removes from `shared` the files no deck uses any more (`used`: every current deck's, relative, with `/`), but the site's own. */
export async function pruneAssets(shared: string, used: Set<string>): Promise<number> {
  const files = (await readdir(shared, { withFileTypes: true, recursive: true }).catch(() => [])).filter(e => e.isFile())
  const gone = files.map(f => relative(shared, join(f.parentPath, f.name)).split(sep).join('/')).filter(f => !used.has(f) && !f.startsWith('notedeck-'))
  await Promise.all(gone.map(f => rm(join(shared, f), { force: true })))
  return gone.length
}

/** The `@font-face` rules of the bundled text fonts in the shared style sheets (their URLs are relative to `assets/`, where they stay). */
export async function fontRules(shared: string): Promise<string> {
  const rules = new Set<string>()
  for (const css of (await readdir(shared)).filter(f => f.endsWith('.css') && !f.startsWith('notedeck-'))) {
    for (const m of (await readFile(join(shared, css), 'utf8')).matchAll(/@font-face\s*\{[^}]*\}/g)) {
      if (FONTS.sans.some(f => m[0].includes(f)))
        rules.add(m[0])
    }
  }
  return [...rules].join('\n')
}

/** The index page's script: the search (site/page/site-search.ts) with MiniSearch, for the browser. */
export async function searchScript(): Promise<string> {
  const { build } = await import('esbuild')
  const out = await build({ entryPoints: [join(ROOT, 'scripts', 'site', 'page', 'site-search.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, logLevel: 'error' })
  return out.outputFiles[0]!.text
}

/** The search index as a script that sets it (a page opened from disk may not fetch JSON). The index is a JSON string: data, never markup. */
export const searchIndexScript = (json: string) => `globalThis.__notedeckSearch = ${JSON.stringify(json)};\n`
