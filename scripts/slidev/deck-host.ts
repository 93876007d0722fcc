/**
 * One Slidev server for deck after deck (the check of several notes, the export of several notes):
 * the server reads its own scratch slides file, beside the decks, and each deck is written into it,
 * as `slidev dev` reads a saved file. Only the slides are made again; the client Vite transformed
 * for the first deck serves the next. A deck whose headmatter needs another server (Slidev's own
 * dev restarts on it) gets a new one.
 */
import { rm } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { detectFeatures } from '@slidev/parser'
import { type SlidevSlides, slidevSlides } from './slidev-slides'
import { type ErrorCode, NotedeckError } from '../core/errors'
import { writeAtomic } from '../core/write'
import { scratchSlidesBeside } from '../core/paths'
import { transient } from '../core/transient'
import { type ServerMode, type SlidevServer, startSlidevServer, withWarmCache } from './slidev-server'
import { RESTART_FIELDS, SLIDEV } from './slidev-internals'

export interface DeckHost {
  /**
   * Has the server serve `markdown` (the deck of the file `slides`) and resolves once the server
   * has read it whole: a page loaded after that gets this deck.
   */
  serve: (slides: string, markdown: string) => Promise<SlidevServer>
  /** The file the server reads (beside the decks; `close` removes it), if there is one. */
  scratch: () => string | undefined
  close: () => Promise<void>
}

/**
 * What a running server cannot take from a changed slides file without starting again, by the rule
 * of Slidev's own `dev`: the headmatter fields it restarts on, and features that add Vite plugins.
 * Decks that differ only in other fields (each talk's `duration`) are served one after another by
 * one server.
 */
export function serverKey(parsed: SlidevSlides, markdown: string): string {
  const head = parsed.slides[0]?.frontmatter ?? {}
  const { katex, monaco } = detectFeatures(markdown)
  return JSON.stringify({ restart: RESTART_FIELDS.map(f => head[f] ?? null), katex, monaco })
}

/** Whether the server at `url` has read these slides (its data of each, and no more). */
export async function serverHas(url: string, sources: string[]): Promise<boolean> {
  const data = (n: number) => fetch(`${url}${SLIDEV.slideDataPath}${n}.json`).then(async r => r.ok ? ((await r.json()) as { content?: string }).content?.trim() ?? '' : undefined, () => undefined)
  const shown = await Promise.all([...sources.map((_, i) => data(i + 1)), data(sources.length + 1)])
  return shown.at(-1) === undefined && sources.every((c, i) => shown[i] === c)
}

/**
 * A host of `mode` (no server until the first deck). `purpose` names the scratch file
 * (`.notedeck-<purpose>-<pid>-<hex>.slides.md`) and `code` the error of a server that does not read
 * a rewritten file within `readMs`.
 */
export function openDeckHost(mode: ServerMode, purpose: 'check' | 'export', code: ErrorCode, readMs = 60_000): DeckHost {
  let served: { server: SlidevServer, entry: string, key: string } | undefined
  /** The file of a server still starting. */
  let starting: string | undefined
  let closed = false
  const closedWhileStarting = () => new NotedeckError(code, `the ${purpose}'s server was closed while it started`)
  const stop = async () => {
    if (!served)
      return
    const { server, entry } = served
    served = undefined
    // The file goes even when the server fails to close, and stays on the list of what a signal
    // removes until it is gone (a stop during the close must not leave it behind).
    try {
      await server.close()
    }
    finally {
      await rm(entry, { force: true })
      transient.delete(entry)
    }
  }
  const serve = async (slides: string, markdown: string): Promise<SlidevServer> => {
    const parsed = slidevSlides(markdown, slides)
    const key = serverKey(parsed, markdown)
    if (served && (served.key !== key || dirname(served.entry) !== dirname(resolve(slides))))
      await stop()
    if (!served) {
      // The server's own file beside the deck: images and paths resolve as from the deck's.
      const entry = scratchSlidesBeside(slides, purpose)
      starting = entry
      transient.add(entry)
      await writeAtomic(entry, markdown)
      // Closed while the file was being written (close removed it before it was in place).
      if (closed) {
        transient.delete(entry)
        await rm(entry, { force: true })
        throw closedWhileStarting()
      }
      const server = await withWarmCache(entry, mode, () => startSlidevServer(entry, mode, { followEdits: true }), 180_000)
        .catch(async (e) => { transient.delete(entry); await rm(entry, { force: true }); throw e })
        .finally(() => { starting = undefined })
      served = { server, entry, key }
      // Closed while the server was starting (an export stopped by its time limit): nothing stays.
      if (closed) {
        await stop()
        throw closedWhileStarting()
      }
      return server
    }
    const { server, entry } = served
    await writeAtomic(entry, markdown)
    server.changed()
    const sources = parsed.slides.map(s => s.content.trim())
    const deadline = Date.now() + readMs
    while (!await serverHas(server.url, sources)) {
      if (Date.now() > deadline)
        throw new NotedeckError(code, `Slidev's server did not read ${slides} within ${readMs / 1000} s`, { hint: `run the ${purpose} of these notes alone` })
      await new Promise(r => setTimeout(r, 50))
    }
    server.forgetSlides()
    return server
  }
  const close = async () => {
    closed = true
    // A server still starting reads a file that goes now (the process may end before it is up).
    if (starting) {
      transient.delete(starting)
      await rm(starting, { force: true })
    }
    await stop()
  }
  return { serve, scratch: () => served?.entry ?? starting, close }
}
