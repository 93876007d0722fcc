/**
 * notedeck's own page on a Slidev server: load the page that shows every slide, wait until it
 * shows exactly the slides just generated and has finished drawing them (`slidesReady`), check
 * that each slide shows its title, then print it to PDF or take a picture of each slide. Used by
 * the export (its own server), `dev --pdf` and the export from a running dev server.
 */
import type { Browser } from 'playwright-chromium'
import { openContext } from '../slidev/browser'
import { mismatches } from './deck-proof'
import type { Deck } from '../pipeline/types'
import { slideSources } from '../slidev/slidev-slides'
import { NotedeckError } from '../core/errors'
import { CANVAS } from '../pipeline/geometry'
import { type ReadyQuery, navReady, sameSources, shownSources, slidesPending, slidesReady } from '../page/page-ready'
import { watchPage } from '../slidev/page-problems'
import { measureAll, measureOptions, pageFonts } from '../page/bundle'
import type { Measurement } from '../page/measurement'
import { type EditablePptx, editablePptx } from './pptx-editable'
import { type PrintPage, SLIDEV } from '../slidev/slidev-internals'

/** Pixels per canvas pixel for pictures of slides (PNG, and the PowerPoint of pictures). */
export const RASTER_SCALE = 2
/**
 * Pixels per canvas pixel for the pictures inside an editable PowerPoint (diagrams, images): sharp
 * at 400 % zoom, where a slide is four times its canvas wide on screen.
 */
export const EDITABLE_SCALE = 4

/** The page navigated on its own while it was loaded or read (the error, or the one it caused). */
export function reloadedItself(e: unknown): boolean {
  const said = (x: unknown) => x instanceof Error && /interrupted by another navigation|Execution context was destroyed|most likely because of a navigation/.test(x.message)
  return said(e) || (e instanceof Error && said(e.cause))
}

/** Runs `attempt` again while it fails because the page navigated on its own, until `deadline`. */
export async function againIfReloaded<T>(attempt: (first: boolean) => Promise<T>, deadline: number): Promise<T> {
  for (let first = true; ; first = false) {
    try {
      return await attempt(first)
    }
    catch (e) {
      if (!reloadedItself(e) || Date.now() > deadline)
        throw e
    }
  }
}

/** The page or the printed file is not this deck (another deck, a stale page, blank pages). */
export class DeckMismatch extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '))
  }
}

export interface PageAudit {
  slides: Measurement[]
  /** Each slide's text as the page shows it (innerText). */
  texts: string[]
  /** Problems of the page as a whole: each would make the printed file wrong (a font, a module, a request). */
  problems: string[]
}

/** A deck to print: the slides file's text (what Slidev shows) and the deck as planned (what the proof, outline and notes come from). */
export interface DeckToPrint { markdown: string, deck: Deck }

export interface ShowOptions {
  dark?: boolean
  onPhase?: (phase: 'loaded' | 'drawn') => void
}

export interface Printer {
  /**
   * Loads `page` of the server at `url` until it shows these slides, drawn; throws when it never
   * does, and `DeckMismatch` when a slide does not show its title.
   */
  show: (url: string, page: PrintPage, slides: DeckToPrint, options?: ShowOptions) => Promise<void>
  /**
   * What the shown slides look like in the browser (each slide measured: what sticks out, what a box
   * hides, characters no font has, diagrams and images that failed) and what went wrong in the page
   * (requests its server refused or that failed, script errors, bundled fonts that did not load).
   */
  audit: () => Promise<PageAudit>
  /** Leaves the server's page (for a blank one), so that nothing the server sends reaches it. */
  blank: () => Promise<void>
  /** The shown slides as a PDF, one page per slide. */
  pdf: () => Promise<Uint8Array>
  /** The shown slides as PNG pictures, in order (those numbered `nos`, 1 = the first, if given). */
  pictures: (nos?: number[]) => Promise<Buffer[]>
  /** The shown slides (the print route) as an editable PowerPoint. */
  pptx: (slides: DeckToPrint) => Promise<EditablePptx>
  close: () => Promise<void>
}

/**
 * Opens a browser (or uses `browser`, which it then does not close) with one page for printing,
 * drawn at `scale` pixels per canvas pixel.
 */
export async function openPrinter(browserOrPath: Browser | string, timeoutMs: number, scale = RASTER_SCALE): Promise<Printer> {
  const { context, close } = await openContext(browserOrPath, { viewport: { width: CANVAS.width, height: CANVAS.height }, deviceScaleFactor: scale })
  let selector = ''
  try {
    const page = await context.newPage()
    let origin: string | undefined
    const trouble = watchPage(page, () => origin)
    const show = async (url: string, print: PrintPage, { markdown, deck }: DeckToPrint, { dark = false, onPhase }: ShowOptions = {}) => {
      const sources = slideSources(markdown)
      const deadline = Date.now() + timeoutMs
      origin = url
      trouble.clear()
      await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light', media: print.media })
      // A dev server reloads the slides file on its own schedule: load until it shows the ones just
      // written. A server started for this export read them at its start; the titles prove the rest.
      const load = async () => {
        for (;;) {
          await page.goto(`${url}${print.path}`, { waitUntil: 'load', timeout: Math.max(1, deadline - Date.now()) }).catch((e: Error) => {
            const why = trouble.list().map(p => `\n  - ${p}`).join('')
            throw new NotedeckError('EXPORT_FAILED', `the page of the slides did not load in ${timeoutMs / 1000} s (${e.message.split('\n')[0]})${why}`, { hint: 'raise the limit with --timeout <ms>', cause: e })
          })
          if (!print.sources)
            return
          await page.waitForFunction(navReady, SLIDEV, { timeout: Math.max(1, deadline - Date.now()) })
          if (sameSources(await page.evaluate(shownSources, SLIDEV), sources))
            return
          if (Date.now() > deadline)
            throw new NotedeckError('EXPORT_FAILED', `the server at ${url} did not show the slides just generated within ${timeoutMs / 1000} s`)
          await page.waitForTimeout(150)
        }
      }
      const query: ReadyQuery = { selector: print.slides, count: sources.length, S: SLIDEV }
      const drawn = () => page.waitForFunction(slidesReady(query), undefined, { timeout: Math.max(1, deadline - Date.now()), polling: 50 })
        .catch(async (e) => {
          const pending = await page.evaluate(slidesPending, query).catch(() => ['the page did not answer'])
          const why = [...pending, ...trouble.list()].map(p => `\n  - ${p}`).join('')
          throw new NotedeckError('EXPORT_FAILED', `the slides did not finish drawing in ${timeoutMs / 1000} s:${why}`, { hint: 'raise the limit with --timeout <ms>, or run `npm run check` to see which slide does not render', cause: e })
        })
      // The server may reload the page on its own (its live updates, just after it read another
      // deck): then the page is loaded and waited for again, within the same time limit.
      const shown = await againIfReloaded(async (first) => {
        await load()
        if (first)
          onPhase?.('loaded')
        await drawn()
        // Mermaid's scratch area stays in the page after drawing, empty but a page long in print.
        await page.evaluate(() => document.querySelector<HTMLElement>('#mermaid-rendering-container')?.style.setProperty('display', 'none'))
        return page.$$eval(print.slides, els => els.map(e => (e as HTMLElement).innerText))
      }, deadline)
      onPhase?.('drawn')
      // Each slide must show its own title before anything is printed from it.
      const problems = mismatches(deck, shown)
      if (problems.length)
        throw new DeckMismatch(problems)
      selector = print.slides
    }
    const pdf = async () => page.pdf({ width: `${CANVAS.width}px`, height: `${CANVAS.height}px`, margin: { top: 0, right: 0, bottom: 0, left: 0 }, printBackground: true, tagged: true })
    const pictures = async (nos?: number[]) => {
      const slides = page.locator(selector)
      const shots: Buffer[] = []
      for (const i of nos?.map(n => n - 1) ?? [...Array(await slides.count()).keys()])
        shots.push(await slides.nth(i).screenshot())
      return shots
    }
    const pptx = ({ markdown, deck }: DeckToPrint) => editablePptx(page, markdown, deck.lang)
    const audit = async (): Promise<PageAudit> => {
      const opts = measureOptions(false)
      try {
        const slides = await measureAll(page, selector, opts)
        const fonts = await pageFonts(page, opts)
        const texts = await page.$$eval(selector, els => els.map(e => (e as HTMLElement).innerText))
        return { slides, texts, problems: [...trouble.failures(), ...fonts.failed.map(f => `the bundled font ${f} did not load`), ...fonts.absent.map(f => `the bundled font ${f} is not in the page`)] }
      }
      catch (e) {
        // A page that navigated on its own is shown again by the caller; anything else stops the export.
        if (reloadedItself(e))
          throw e
        throw new NotedeckError('EXPORT_FAILED', `the slides could not be measured before printing (${e instanceof Error ? e.message.split('\n')[0] : String(e)})${trouble.list().map(p => `\n  - ${p}`).join('')}`, { cause: e })
      }
    }
    return { show, audit, blank: async () => { await page.goto('about:blank') }, pdf, pictures, pptx, close }
  }
  catch (e) {
    await close()
    throw e
  }
}
