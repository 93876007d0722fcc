/**
 * Making an export in memory: Slidev's server in this process on a port of its own, the browser
 * started meanwhile, one page that shows every slide, then from that one page each output asked
 * for: the PDF (proved to be this deck, then given its outline), the editable PowerPoint, the
 * pictures (PNG, the PowerPoint of pictures).
 */
import type { Browser } from 'playwright-chromium'
import type { Deck } from '../pipeline/types'
import type { ExportFormat } from '../core/paths'
import { NotedeckError } from '../core/errors'
import { launchBrowser } from '../slidev/browser'
import { type EditableReport, PRINT_PAGE } from '../slidev/slidev-internals'
import { mismatches, pdfPageTexts } from './deck-proof'
import { addOutline, documentInfo, outlineOf } from './outline'
import { picturesPptx } from './pptx-pictures'
import { DeckMismatch, type DeckToPrint, EDITABLE_SCALE, type PageAudit, RASTER_SCALE, type Printer, againIfReloaded } from './printer'

export type { DeckToPrint }

/** Time for the server and the browser to start, on top of the page-rendering timeout. */
export const EXPORT_OVERHEAD_MS = 30_000

export type { ExportFormat }
export const FORMATS: readonly ExportFormat[] = ['pdf', 'pptx', 'pptx-image', 'png']

/**
 * Pixels per canvas pixel each format needs from the page: pictures of slides at twice the canvas,
 * the editable PowerPoint's pictures at four times; a PDF is drawn at any. Formats that need
 * different scales are made from separate pages.
 */
export function scaleFor(format: ExportFormat): number | undefined {
  return format === 'pptx' ? EDITABLE_SCALE : format === 'pdf' ? undefined : RASTER_SCALE
}

/** Named steps of an export, reported as they end (the benchmark's breakdown). */
export type Phase = 'generated' | 'browser' | 'server' | 'loaded' | 'drawn' | 'measured' | 'printed' | 'proved' | 'outlined'

/** What each phase's time is spent on, for the benchmark's breakdown (in the order they end). */
export const PHASES: Record<Phase, string> = {
  generated: 'Node start-up, notes -> slides.md',
  browser: 'Chromium started (while Slidev loads)',
  server: 'Slidev loaded, Vite listening',
  loaded: 'first page load (Vite transforms the client)',
  drawn: 'slides laid out, diagrams and fonts done',
  measured: 'every slide measured: nothing outside, hidden or without a font',
  printed: 'print (or pictures, or the PowerPoint)',
  proved: 'PDF read back: its own deck',
  outlined: 'outline and title added',
}

export interface RenderOptions {
  /** The generated slides.md to export (the server's file), and the deck it holds. */
  slides: string
  deck: Deck
  /**
   * The feedback pass: given what the browser measured, the deck planned again from those sizes, or
   * nothing when no slide needs it. Called at most once, before anything is printed.
   */
  replan?: ((audit: PageAudit) => Promise<DeckToPrint | undefined>) | undefined
  /** How a message names slide `no` (`slide 7 (notes.md:42)`). */
  slideName?: ((no: number) => string) | undefined
  /** What to make from it, in this order; all from one page, so of one scale (`scaleFor`). */
  formats: ExportFormat[]
  /** Which slides `png` pictures (numbers, of the deck as printed): all unless given (the site needs one). */
  pictures?: ((deck: Deck) => number[]) | undefined
  browser: string
  timeoutMs: number
  dark: boolean
  onPhase?: ((phase: Phase) => void) | undefined
}

/** What an export made, in memory until it is put in place; an editable PowerPoint with its exporter's report. */
export type Made = { kind: 'file', data: Uint8Array, report?: EditableReport } | { kind: 'folder', files: Array<{ name: string, data: Uint8Array }> }

/** What one export of a deck made, what the browser measured of the slides it printed, and the deck it printed (after the feedback pass). */
export interface Rendered {
  made: Made[]
  audit: PageAudit
  markdown: string
  deck: Deck
  /** The feedback pass planned the deck again (the first show's audit: what did not fit then). */
  replanned?: PageAudit
}

/** A printed PDF proved to be `deck` (read back, page by page), then given its outline (the slides' titles and levels) and properties. */
export async function finishPdf(pdf: Uint8Array, deck: Deck, onPhase?: (p: Phase) => void): Promise<Uint8Array> {
  const problems = mismatches(deck, await pdfPageTexts(pdf))
  if (problems.length)
    throw new DeckMismatch(problems)
  onPhase?.('proved')
  const done = await addOutline(pdf, outlineOf(deck), documentInfo(deck))
  onPhase?.('outlined')
  return done
}

/** The browser of an export, its failures as the user's errors (a time limit, a browser that does not start). */
export async function startBrowser(path: string, timeoutMs: number): Promise<Browser> {
  return launchBrowser(path, timeoutMs).catch((e: Error) => {
    if (e.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(e.message))
      throw new NotedeckError('EXPORT_FAILED', `the export did not finish in ${Math.round(timeoutMs / 1000)} s and was stopped`, { hint: 'raise it with --timeout <ms>' })
    throw new NotedeckError('EXPORT_FAILED', `the browser did not start\n${e.message.split('\n').slice(0, 12).join('\n')}`, { hint: `browser used: ${path}` })
  })
}

/** One format from the page the printer shows. */
async function make(format: ExportFormat, printer: Printer, { markdown, deck }: DeckToPrint, mark: (p: Phase) => void, only?: RenderOptions['pictures']): Promise<Made> {
  if (format === 'pdf')
    return { kind: 'file', data: await finishPdf(await printer.pdf().then((p) => { mark('printed'); return p }), deck, mark) }
  if (format === 'pptx') {
    const { data, report } = await printer.pptx({ markdown, deck })
    mark('printed')
    return { kind: 'file', data, report }
  }
  if (format === 'png') {
    const nos = only?.(deck)
    const pictures = await printer.pictures(nos)
    mark('printed')
    return { kind: 'folder', files: pictures.map((data, i) => ({ name: `${nos?.[i] ?? i + 1}.png`, data })) }
  }
  const pictures = await printer.pictures()
  mark('printed')
  return { kind: 'file', data: await picturesPptx({ deck, pictures }) }
}

/** The one scale of pixels per canvas pixel these formats are made at (they must agree). */
export function scaleOf(formats: ExportFormat[]): number {
  const scales = new Set(formats.map(scaleFor).filter(s => s !== undefined))
  if (scales.size > 1)
    throw new Error(`formats of different scales from one page: ${formats.join(', ')}`)
  return [...scales][0] ?? RASTER_SCALE
}

/** The deck `markdown`, served at `url`, shown on the printer's page and measured there. */
export async function showDeck(printer: Printer, url: string, { markdown, deck }: DeckToPrint, opts: Pick<RenderOptions, 'dark' | 'onPhase' | 'timeoutMs'>): Promise<PageAudit> {
  // The server may reload the page on its own between the drawing and the measuring (a live update):
  // then it is shown and measured again, within the same time limit.
  return againIfReloaded(async () => {
    await printer.show(url, PRINT_PAGE, { markdown, deck }, { dark: opts.dark, onPhase: opts.onPhase ?? (() => {}) })
    const audit = await printer.audit()
    opts.onPhase?.('measured')
    return audit
  }, Date.now() + opts.timeoutMs)
}

/** Each format asked for, made from the page the printer shows (`showDeck`), once nothing in it is broken (`refuseBroken`). */
export async function makeFormats(printer: Printer, shown: DeckToPrint, opts: RenderOptions): Promise<Made[]> {
  const made: Made[] = []
  for (const format of opts.formats)
    made.push(await make(format, printer, shown, opts.onPhase ?? (() => {}), opts.pictures))
  return made
}
