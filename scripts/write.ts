/** The output edge: atomic writes (temporary file in the same folder, then rename). */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
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
