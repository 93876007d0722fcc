/**
 * The export cache: an output is rebuilt only when something that shapes it changed: the generated
 * slides, the deck's styles, setup and components, notedeck's own code, the package versions, or
 * the export options.
 */
import { type Hash, createHash } from 'node:crypto'
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT } from '../core/paths'
import { writeAtomic } from '../core/write'

/** What of the project shapes every output: its folders, and the files at its top Slidev or Vite read (the Vite config sets how Markdown is rendered). */
export const PROJECT_INPUTS = {
  dirs: ['styles', 'setup', 'components', 'layouts', 'public', 'scripts'],
  files: ['package.json', 'package-lock.json', 'vite.config.ts', 'uno.config.ts', 'index.html', 'custom-nav-controls.vue', 'global-top.vue', 'global-bottom.vue'],
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries.filter(e => e.isFile()).map(e => join(e.parentPath, e.name)).sort()
}

async function hashProject(h: Hash, root = ROOT): Promise<string> {
  for (const name of PROJECT_INPUTS.files)
    h.update(`\0${name}\0`).update(await readFile(join(root, name)).catch(() => ''))
  for (const dir of PROJECT_INPUTS.dirs) {
    for (const file of await filesUnder(join(root, dir)))
      h.update(file.slice(root.length)).update(await readFile(file))
  }
  return h.digest('hex')
}

/** The key of the project itself (notedeck's code, styles, components, versions, configs): what every output also depends on. */
export function projectKey(root = ROOT): Promise<string> {
  return hashProject(createHash('sha256'), root)
}

/** The key of an output made from these generated slides with these options. */
export function exportKey(slidesMarkdown: string, options: Record<string, unknown>): Promise<string> {
  return hashProject(createHash('sha256').update(slidesMarkdown).update(JSON.stringify(options)))
}

/**
 * The key of the inputs themselves (notes, config, extra slides, the slides file, the project):
 * when it matches, the output is current without even generating. Missing files count as empty.
 */
export async function inputsKey(files: string[], options: Record<string, unknown>): Promise<string> {
  return hashProject(await hashFiles(createHash('sha256').update(JSON.stringify(options)), files))
}

/** `h` fed each file's name and contents, in order (a missing file counts as empty). */
export async function hashFiles(h: Hash, files: string[]): Promise<Hash> {
  for (const file of files)
    h.update(`\0${file}\0`).update(await readFile(file).catch(() => ''))
  return h
}

const stampPath = (pdf: string) => `${pdf}.notedeck`

/**
 * The stamp beside an output: its key, then (optionally) the key of the inputs it came from and
 * the list of those input files (what generation read, and the slides file), like a make depfile.
 */
async function stampOf(output: string): Promise<string[] | undefined> {
  const [stamp, exists] = await Promise.all([readFile(stampPath(output), 'utf8').catch(() => ''), stat(output).then(() => true, () => false)])
  return exists ? stamp.split('\n') : undefined
}

/** True when `output` exists and was made from slides and options with this key. */
export async function isFresh(output: string, key: string): Promise<boolean> {
  return (await stampOf(output))?.[0] === key
}

/** True when `output` exists and was made from inputs with this key. */
export async function isFreshInputs(output: string, inputs: string): Promise<boolean> {
  return inputs !== '' && (await stampOf(output))?.[1] === inputs
}

/** The input files an output was made from, as its stamp lists them (none for an older stamp). */
export async function inputsOf(output: string): Promise<string[]> {
  const line = (await stampOf(output))?.[2]
  try {
    const files: unknown = line ? JSON.parse(line) : []
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : []
  }
  catch {
    return []
  }
}

/**
 * True when `output` exists, was made from `notes` (an absolute path), and none of the files it
 * was made from (its stamp's list) nor the project changed since: the check that skips even generating.
 */
export async function isFreshFromStamp(output: string, notes: string, options: Record<string, unknown>): Promise<boolean> {
  const files = await inputsOf(output)
  // Made from other notes (the same output path, another notes file): not this export's output.
  return files.includes(notes) && isFreshInputs(output, await inputsKey(files, options))
}

export function remember(output: string, key: string, inputs = '', files: string[] = []): Promise<void> {
  return writeAtomic(stampPath(output), `${key}\n${inputs}\n${files.length ? JSON.stringify(files) : ''}\n`)
}

/** A short digest of a file, for keys that depend on another output (a handout on its slides PDF). */
export async function fileDigest(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex')
}
