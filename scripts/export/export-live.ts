/**
 * Export from the dev server `npm run dev` is running: no second Vite, no cold start. `dev` announces
 * its port in a small file; `export` prints the server's in-browser exporter page with notedeck's
 * printer (the same wait and the same proof as its own export), then adds the outline by section.
 */
import { readFile, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type Rendered, finishPdf } from './export'
import { refuseBroken } from './audit'
import { isAlive, withOutputLock } from '../core/output-lock'
import { devAnnouncementFor } from '../core/paths'
import { type DeckToPrint, type Printer, openPrinter } from './printer'
import { EXPORTER_PAGE } from '../slidev/slidev-internals'
import { writeAtomic } from '../core/write'

export interface Announcement { pid: number, port: number, slides: string }

/** Says that a dev server for `slides` listens on `port`; returns what takes it back. */
export async function announce(a: Announcement, file = devAnnouncementFor(a.slides)): Promise<() => Promise<void>> {
  await writeAtomic(file, `${JSON.stringify(a)}\n`)
  return () => rm(file, { force: true })
}

/** The URL of a running dev server that serves `slides`, if there is one that answers. */
export async function findLiveServer(slides: string, file = devAnnouncementFor(slides)): Promise<string | undefined> {
  const a = await readFile(file, 'utf8').then(t => JSON.parse(t) as Announcement, () => undefined)
  if (!a || resolve(a.slides) !== resolve(slides) || !isAlive(a.pid))
    return undefined
  const url = `http://localhost:${a.port}`
  const ok = await fetch(`${url}/`, { signal: AbortSignal.timeout(1500) }).then(r => r.ok, () => false)
  return ok ? url : undefined
}

export interface LiveExportOptions {
  url: string
  /** The slides just generated: the server must show exactly these. */
  slides: DeckToPrint
  output: string
  browser: string
  timeoutMs: number
  /** Runs once the PDF is in place, before another writer may replace it (the cache stamp). */
  after?: (rendered: Rendered) => Promise<void>
  /** How a message names slide `no`. */
  slideName?: (no: number) => string
}

/**
 * The dev server's in-browser exporter printed, with the outline, proved to be these slides; not
 * printed when the page reported a problem (`refuseBroken`). What the browser measured comes with it.
 */
export async function printLive(printer: Printer, url: string, slides: DeckToPrint, slideName?: (no: number) => string): Promise<{ pdf: Uint8Array, rendered: Rendered }> {
  await printer.show(url, EXPORTER_PAGE, slides)
  const audit = await printer.audit()
  refuseBroken(audit, slideName)
  const pdf = await finishPdf(await printer.pdf(), slides.deck)
  return { pdf, rendered: { made: [{ kind: 'file', data: pdf }], audit, ...slides } }
}

export async function exportFromServer(opts: LiveExportOptions): Promise<{ output: string, bytes: number, rendered: Rendered }> {
  const printer = await openPrinter(opts.browser, opts.timeoutMs)
  try {
    const { pdf, rendered } = await printLive(printer, opts.url, opts.slides, opts.slideName)
    await withOutputLock(opts.output, async () => {
      await writeAtomic(opts.output, pdf)
      await opts.after?.(rendered)
    })
    return { output: opts.output, bytes: pdf.byteLength, rendered }
  }
  finally {
    await printer.close()
  }
}
