import { type FSWatcher, existsSync, watch } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { configPathFor, extraSlidesFor, rehearsalFor } from '../core/paths'
import { type GenerateOptions, type GenerateResult, generate } from './generate'
import { CACHE_DIR, deckDirOf } from './notes/images'

/**
 * Regenerates whenever a file the deck is made from changes: the notes, the deck config, the extra
 * slides, local images (the set generation reports having read, `GenerateResult.reads`, updated
 * after each run). Saves are debounced, and runs never overlap: a save during a run starts one more
 * run when it ends, so the deck written last is always made from the newest notes. An error is
 * reported and the last good deck stays. Returns a function that stops watching.
 */
export function watchNotes(opts: GenerateOptions, report: (result: GenerateResult | Error) => void, initial: string[] = []): () => void {
  // Our own image cache is written by generation itself: watching it would only echo.
  const cache = join(deckDirOf(opts.out), 'public', CACHE_DIR)
  let files = new Set<string>()
  const watchers = new Map<string, FSWatcher>()
  const follow = (reads: string[]) => {
    // Nor the rehearsal record: written while the speaker rehearses, it is read at the next start.
    const rehearsal = rehearsalFor(opts.notes)
    files = new Set([resolve(opts.notes), resolve(configPathFor(opts.notes, opts.config)), resolve(extraSlidesFor(opts.notes)), ...reads].filter(f => !f.startsWith(cache + sep) && f !== rehearsal))
    const dirs = new Set([...files].map(f => dirname(f)))
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close()
        watchers.delete(dir)
      }
    }
    for (const dir of dirs) {
      if (!watchers.has(dir) && existsSync(dir))
        watchers.set(dir, watch(dir, (_event, name) => name && files.has(resolve(dir, name)) && changed()))
    }
  }
  let timer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  let stopped = false
  const run = async () => {
    if (running) {
      again = true
      return
    }
    running = true
    try {
      const result = await generate(opts)
      if (!stopped)
        follow(result.reads)
      report(result)
    }
    catch (e) {
      report(e instanceof Error ? e : new Error(String(e)))
    }
    finally {
      running = false
      if (again && !stopped) {
        again = false
        void run()
      }
    }
  }
  const changed = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), 30)
  }
  follow(initial)
  return () => {
    stopped = true
    watchers.forEach(w => w.close())
    clearTimeout(timer)
  }
}
