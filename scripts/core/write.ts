/** The output edge: atomic writes (temporary file in the same folder, then rename). */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { NotedeckError } from './errors'

/** A temporary path beside `target`, so that the final rename stays on one file system. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

export async function writeAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(target)
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFile(tmp, data)
    await rename(tmp, target)
  }
  catch (e) {
    await rm(tmp, { force: true })
    throw new NotedeckError('WRITE_FAILED', `cannot write: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { where: { file: target }, cause: e })
  }
}

/**
 * Puts a finished temporary file or folder (beside `target`) in its place. A folder cannot be
 * renamed over another: the old one is moved aside first and removed once the new one is in place.
 */
export async function replacePath(tmp: string, target: string): Promise<void> {
  const old = `${tmp}.old`
  if (await stat(target).then(s => s.isDirectory(), () => false))
    await rename(target, old)
  await rename(tmp, target)
  await rm(old, { recursive: true, force: true })
}
