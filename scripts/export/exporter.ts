/**
 * Several decks exported one after another on one Slidev server and one browser (`npm run export`
 * of several notes, the tests' many decks): the server reads each deck into its scratch slides file
 * (`DeckHost`), so Slidev starts and Vite transforms its client once, not once a deck. Each deck is
 * shown, proved and made exactly as a single export makes it (`printDeck`).
 */
import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-chromium'
import { type DeckHost, openDeckHost } from '../slidev/deck-host'
import { type Printer, openPrinter } from './printer'
import { EXPORT_OVERHEAD_MS, type Made, type RenderOptions, printDeck, scaleOf, startBrowser } from './render-deck'

export interface Exporter {
  /** One deck into memory, as `renderDeck` makes it (`exportDecks` takes it as its render). */
  render: (opts: RenderOptions) => Promise<Made[]>
  /** The file the exporter's server reads (beside the decks; `close` removes it), if any. */
  scratch: () => string | undefined
  close: () => Promise<void>
}

/** A browser now; the server with the first deck. Decks must share the folder and `timeoutMs`. */
export async function openExporter(browserPath: string, timeoutMs: number): Promise<Exporter> {
  const browser: Browser = await startBrowser(browserPath, timeoutMs + EXPORT_OVERHEAD_MS)
  const host: DeckHost = openDeckHost('export', 'export', 'EXPORT_FAILED', timeoutMs)
  /** A page per scale the formats asked for so far. */
  const printers = new Map<number, Printer>()
  const render = async (opts: RenderOptions): Promise<Made[]> => {
    const markdown = await readFile(opts.slides, 'utf8')
    const scale = scaleOf(opts.formats)
    // No page of the last deck stays on the server while it reads this one (it would be sent updates, and reload).
    await Promise.all([...printers.values()].map(p => p.blank()))
    const server = await host.serve(opts.slides, markdown)
    let printer = printers.get(scale)
    if (!printer) {
      printer = await openPrinter(browser, timeoutMs, scale)
      printers.set(scale, printer)
    }
    return printDeck(printer, server.url, markdown, opts)
  }
  const close = async () => {
    try {
      await Promise.all([...printers.values()].map(p => p.close()))
      await host.close()
    }
    finally {
      await browser.close()
    }
  }
  return { render, scratch: host.scratch, close }
}
