/**
 * A command stopped by Ctrl-C or SIGTERM while a server reads its own scratch slides file (the
 * check, the export of several notes): the file does not stay behind, and the exit status is 130.
 */
import { rmSync } from 'node:fs'

/** Until the returned function is called, a signal removes the file `scratch()` names (if any) and exits 130. */
export function removeOnSignal(scratch: () => string | undefined): () => void {
  const onSignal = () => {
    const file = scratch()
    if (file)
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
