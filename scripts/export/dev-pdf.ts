/**
 * `npm run dev -- --pdf`: keeps the PDF current while you edit. A headless page stays open on the
 * dev server; after each regeneration it prints the deck again (no second Vite, no cold start).
 */
import { relative } from 'node:path'
import { resolveBrowser } from '../slidev/browser'
import { exportKey, remember } from './export-cache'
import { printLive } from './export-live'
import { lostParts } from './audit'
import { type DeckToPrint, type Printer, openPrinter } from './printer'
import { writeAtomic } from '../core/write'

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) }).then(r => r.ok, () => false))
      return
    await new Promise(r => setTimeout(r, 250))
  }
  throw new Error(`the dev server at ${url} did not answer in ${timeoutMs / 1000} s`)
}

/**
 * Returns `update(slides)`, to call after each regeneration, and `stop()`. Prints never overlap.
 * `timeoutMs`: how long a print may take to draw (the first, on a cold server, takes longest).
 */
export function keepPdf(url: string, output: string, timeoutMs: number): { update: (slides: DeckToPrint) => void, stop: () => Promise<void> } {
  let printer: Promise<Printer> | undefined
  let running: Promise<void> = Promise.resolve()
  let latest: DeckToPrint | undefined
  const shown = relative(process.cwd(), output)
  const printLatest = async () => {
    const slides = latest
    if (slides === undefined)
      return
    latest = undefined
    const started = Date.now()
    try {
      printer ??= waitForServer(url, 60_000).then(async () => openPrinter(await resolveBrowser(), timeoutMs))
      const { pdf, rendered } = await printLive(await printer, url, slides)
      await writeAtomic(output, pdf)
      const lost = lostParts(rendered.audit)
      for (const f of lost)
        console.warn(`notedeck: warning: ${shown}: slide ${f.slide}: ${f.message}`)
      // Up to date for a later `npm run export` only when it shows everything (that export would say what does not).
      if (!lost.length)
        await remember(output, await exportKey(slides.markdown, { format: 'pdf', dark: false }))
      console.log(`notedeck: ${shown} updated (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    }
    catch (e) {
      console.error(`notedeck: ${shown} not updated: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
    }
  }
  return {
    update: (slides) => {
      latest = slides
      running = running.then(printLatest)
    },
    stop: async () => {
      await running.catch(() => {})
      await printer?.then(p => p.close(), () => {})
    },
  }
}
