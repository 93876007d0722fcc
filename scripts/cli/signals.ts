/**
 * A command stopped by Ctrl-C or SIGTERM: the files that must not outlive it (core/transient.ts: a
 * server's scratch slides file, `dev`'s announcement) do not stay behind, and the exit status is 130.
 */
import { rmSync } from 'node:fs'

/** Until the returned function is called, a signal removes the files `scratch()` names and exits 130. */
export function removeOnSignal(scratch: () => string[]): () => void {
  const onSignal = () => {
    for (const file of scratch())
      rmSync(file, { force: true })
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return () => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
