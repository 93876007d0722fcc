/**
 * The notes of a folder, as the site's decks: every Markdown file under it (hidden folders,
 * `node_modules`, a deck's `extra-slides.md` and the site's own output left out), each with an id
 * unique in the site (its path: `2024/问题与思考/rlhf.md` -> `2024~问题与思考~rlhf`) and its group
 * (the folder it is kept in). Pure, except `findNotes`, which reads the folder.
 */
import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'

export interface SiteNotes {
  /** Absolute path. */
  path: string
  /** Relative to the notes folder, with `/`. */
  source: string
  id: string
  group: string
}

const SKIP_DIRS = new Set(['node_modules', 'dist'])

export function siteNotes(folder: string, files: string[]): SiteNotes[] {
  const notes = files.map((path) => {
    const source = relative(folder, path).split(sep).join('/')
    const group = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : ''
    const id = source.replace(/\.md$/i, '').replace(/\//g, '~').replace(/[^\p{L}\p{N}~_.-]+/gu, '_')
    return { path, source, id, group }
  }).sort((a, b) => a.source.localeCompare(b.source))
  // Names that differ only in what a file name here cannot hold (`a b.md`, `a_b.md`) get their path's hash too.
  const taken = new Map<string, number>()
  notes.forEach(n => taken.set(n.id, (taken.get(n.id) ?? 0) + 1))
  return notes.map(n => (taken.get(n.id)! > 1 ? { ...n, id: `${n.id}-${createHash('sha256').update(n.source).digest('hex').slice(0, 6)}` } : n))
}

/** The notes files under `folder`, except what is not notes (see above) and anything under `exclude` (the site being written). */
export async function findNotes(folder: string, exclude: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries.filter(e => e.isFile() && /\.md$/i.test(e.name) && e.name !== 'extra-slides.md' && !e.name.startsWith('.'))
    .map(e => resolve(join(e.parentPath, e.name)))
    .filter(p => !relative(folder, p).split(sep).some(part => part.startsWith('.') || SKIP_DIRS.has(part)) && !p.startsWith(`${resolve(exclude)}${sep}`))
}
