/**
 * One writer at a time per output path. Two exports to the same file both render; the one that
 * finishes second waits for the first to have put its file (and the cache stamp beside it) in
 * place, then replaces both whole: the last one wins, nothing is ever half one and half the other.
 * A lock left by a process that died is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises'
import { NotedeckError } from './errors'

/** Whether a process with this id runs (one of another user's, which we may not signal, too). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM' }
}

export async function withOutputLock<T>(output: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const lock = `${output}.lock`
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      const handle = await open(lock, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      break
    }
    catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw e
      const holder = Number(await readFile(lock, 'utf8').catch(() => ''))
      if (holder > 0 && !isAlive(holder))
        await rm(lock, { force: true })
      else if (Date.now() > until)
        throw new NotedeckError('EXPORT_FAILED', `another export has been writing ${output} for ${timeoutMs / 1000} s`, { hint: `if none is running, remove ${lock}` })
      else
        await new Promise(r => setTimeout(r, 50))
    }
  }
  try {
    return await fn()
  }
  finally {
    await rm(lock, { force: true })
  }
}
