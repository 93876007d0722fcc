/**
 * Slidev's server and a browser for exports: one deck (`renderDeck`), or several decks one after
 * another (`npm run export` of several notes, the tests' many decks): the server reads each deck
 * into its scratch slides file (`DeckHost`), so Slidev starts and Vite transforms its client once,
 * not once a deck. Each deck is shown, measured in the browser, planned again once from what was
 * measured when a slide did not fit (the feedback pass), refused when the page reported a
 * problem, then made into each format asked for.
 */
import { readFile } from 'node:fs/promises'
import { NotedeckError } from '../core/errors'
import type { Browser } from 'playwright-chromium'
import { type DeckHost, openDeckHost } from '../slidev/deck-host'
import { refuseBroken } from './audit'
import { type PageAudit, type Printer, RASTER_SCALE, openPrinter } from './printer'
import { type DeckToPrint, EXPORT_OVERHEAD_MS, type RenderOptions, type Rendered, makeFormats, scaleOf, showDeck, startBrowser } from './render-deck'

export interface Exporter {
  /** One deck into memory (`exportDecks` takes it as its render). */
  render: (opts: RenderOptions) => Promise<Rendered>
  /** One deck shown and measured as an export would print it, printing nothing (the browser fuzz). */
  inspect: (slides: string, shown: DeckToPrint) => Promise<PageAudit>
  /** The file the exporter's server reads (beside the decks; `close` removes it), if any. */
  scratch: () => string | undefined
  close: () => Promise<void>
}

/** The browser starts now, the server with the first deck. Decks must share the folder and `timeoutMs`. */
export async function openExporter(browserPath: string, timeoutMs: number): Promise<Exporter> {
  const browser: Promise<Browser> = startBrowser(browserPath, timeoutMs + EXPORT_OVERHEAD_MS)
  browser.catch(() => {})
  const host: DeckHost = openDeckHost('export', 'export', 'EXPORT_FAILED', timeoutMs)
  /** A page per scale the formats asked for so far. */
  const printers = new Map<number, Printer>()
  const printerFor = async (scale: number) => {
    let printer = printers.get(scale)
    if (!printer) {
      printer = await openPrinter(await browser, timeoutMs, scale)
      printers.set(scale, printer)
    }
    return printer
  }
  /** Has the server serve `markdown` (no page of the deck before stays on it: it would be sent updates, and reload). */
  const serve = async (slides: string, markdown: string) => {
    await Promise.all([...printers.values()].map(p => p.blank()))
    return host.serve(slides, markdown)
  }
  const render = async (opts: RenderOptions): Promise<Rendered> => {
    let markdown = await readFile(opts.slides, 'utf8')
    let deck = opts.deck
    const mark = opts.onPhase ?? (() => {})
    const [server, printer] = await Promise.all([
      serve(opts.slides, markdown).then((s) => { mark('server'); return s }),
      browser.then(() => mark('browser')).then(() => printerFor(scaleOf(opts.formats))),
    ])
    let audit = await showDeck(printer, server.url, { markdown, deck }, opts)
    const first = audit
    const again = opts.replan ? await opts.replan(first) : undefined
    const replanned = again !== undefined && again.markdown !== markdown
    if (replanned) {
      ({ markdown, deck } = again)
      const next = await serve(opts.slides, markdown)
      audit = await showDeck(printer, next.url, { markdown, deck }, opts)
    }
    refuseBroken(audit, opts.slideName)
    const made = await makeFormats(printer, { markdown, deck }, opts)
    return { made, audit, markdown, deck, ...(replanned ? { replanned: first } : {}) }
  }
  const inspect = async (slides: string, shown: DeckToPrint): Promise<PageAudit> => {
    const [server, printer] = await Promise.all([serve(slides, shown.markdown), printerFor(RASTER_SCALE)])
    return showDeck(printer, server.url, shown, { timeoutMs, dark: false })
  }
  // The server and the browser stop side by side (Vite's server takes a while to close).
  const close = async () => {
    const pages = Promise.all([...printers.values()].map(p => p.close())).finally(() => browser.then(b => b.close(), () => {}))
    await Promise.all([pages, host.close()])
  }
  return { render, inspect, scratch: host.scratch, close }
}

/**
 * One export into memory, one result per format: an exporter of its own (Slidev's server in this
 * process on a port of its own, the browser started meanwhile), closed again whatever happens,
 * within the export's time limit.
 */
export async function renderDeck(opts: RenderOptions): Promise<Rendered> {
  const total = opts.timeoutMs + EXPORT_OVERHEAD_MS
  const exporter = openExporter(opts.browser, opts.timeoutMs)
  let timer: NodeJS.Timeout | undefined
  const work = exporter.then(e => e.render(opts))
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotedeckError('EXPORT_FAILED', `the export did not finish in ${Math.round(total / 1000)} s and was stopped`, { hint: 'raise it with --timeout <ms>' })), total)
  })
  try {
    return await Promise.race([work, deadline])
  }
  finally {
    clearTimeout(timer)
    work.catch(() => {})
    await exporter.then(e => e.close(), () => {})
  }
}
