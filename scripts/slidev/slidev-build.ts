/**
 * A deck's portable static site, by Slidev's own build (a child process): relative asset paths
 * and hash routing, so it works from any folder of any static server, offline. Used by `build`
 * (one deck) and `site` (every deck of a folder).
 */
import { basename, dirname } from 'node:path'
import { NotedeckError } from '../core/errors'
import { lastLines, runSlidev } from './slidev'

export const BUILD_TIMEOUT_MS = 180_000

/** Slidev's arguments for a portable build into `outDir`. Pure. */
export function buildArgs(slides: string, outDir: string): string[] {
  return ['build', basename(slides), '--out', outDir, '--base', './', '--router-mode', 'hash']
}

/** Builds the slides file `slides` into `outDir`; a failure or time-out is an error with Slidev's last lines. */
export async function buildDeckSite(slides: string, outDir: string): Promise<void> {
  const run = await runSlidev(buildArgs(slides, outDir), { cwd: dirname(slides), timeoutMs: BUILD_TIMEOUT_MS })
  if (run.timedOut || run.code !== 0)
    throw new NotedeckError('EXPORT_FAILED', run.timedOut ? `the build did not finish in ${BUILD_TIMEOUT_MS / 1000} s and was stopped` : `Slidev's build failed (exit ${run.code ?? run.signal})\n${lastLines(run.output)}`)
}
