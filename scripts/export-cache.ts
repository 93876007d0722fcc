/**
 * The export cache: an output is rebuilt only when something that shapes it changed: the generated
 * slides, the deck's styles, setup and components, notedeck's own code, the package versions, or
 * the export options.
 */
import { createHash } from 'node:crypto'
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT } from './paths'
import { writeAtomic } from './write'

const INPUT_DIRS = ['styles', 'setup', 'components', 'public', 'scripts']

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries.filter(e => e.isFile()).map(e => join(e.parentPath, e.name)).sort()
}

export async function exportKey(slidesMarkdown: string, options: Record<string, unknown>): Promise<string> {
  const h = createHash('sha256')
  h.update(slidesMarkdown).update(JSON.stringify(options))
  for (const name of ['package.json', 'package-lock.json'])
    h.update(await readFile(join(ROOT, name)).catch(() => ''))
  for (const dir of INPUT_DIRS) {
    for (const file of await filesUnder(join(ROOT, dir)))
      h.update(file.slice(ROOT.length)).update(await readFile(file))
  }
  return h.digest('hex')
}

const stampPath = (pdf: string) => `${pdf}.notedeck`

/** True when `pdf` exists and was made from inputs with this key. */
export async function isFresh(pdf: string, key: string): Promise<boolean> {
  const [stamp, exists] = await Promise.all([readFile(stampPath(pdf), 'utf8').catch(() => ''), stat(pdf).then(() => true, () => false)])
  return exists && stamp.trim() === key
}

export function remember(pdf: string, key: string): Promise<void> {
  return writeAtomic(stampPath(pdf), `${key}\n`)
}

/** A short digest of a file, for keys that depend on another output (a handout on its slides PDF). */
export async function fileDigest(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex')
}
