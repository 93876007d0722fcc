/**
 * The export, owned by notedeck: Slidev's server in this process on a port of its own, the browser
 * started meanwhile, one page that shows every slide, then the PDF (with its outline) or one
 * picture per slide (PNG, PPTX). Before anything replaces the output, the result must prove it is
 * this deck (`deck-proof.ts`); otherwise one retry, then `[EXPORT_FAILED]` and the old output stays.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseSync } from '@slidev/parser'
import type { Browser } from 'playwright-chromium'
import { type DeckShape, mismatches, pdfPageTexts } from './deck-proof'
import { NotedeckError } from '../core/errors'
import { addOutline, documentInfoOf } from './outline'
import { withOutputLock } from './output-lock'
import { picturesPptx } from './pptx-pictures'
import { launchBrowser } from '../slidev/browser'
import { DeckMismatch, EDITABLE_SCALE, RASTER_SCALE, openPrinter } from './printer'
import { type SlidevServer, startSlidevServer, withWarmCache } from '../slidev/slidev-server'
import { type EditableReport, PRINT_PAGE } from '../slidev/slidev-internals'
import { replacePath, tempPathFor, writeAtomic } from '../core/write'

export { RASTER_SCALE } from './printer'

/** Time for the server and the browser to start, on top of the page-rendering timeout. */
export const EXPORT_OVERHEAD_MS = 30_000

/** pptx: editable (native text and shapes); pptx-image: one picture per slide. */
export type ExportFormat = 'pdf' | 'pptx' | 'pptx-image' | 'png'
export const FORMATS: readonly ExportFormat[] = ['pdf', 'pptx', 'pptx-image', 'png']

/** Named steps of an export, reported as they end (the benchmark's breakdown). */
export type Phase = 'generated' | 'browser' | 'server' | 'loaded' | 'drawn' | 'printed' | 'proved' | 'outlined'

/** What each phase's time is spent on, for the benchmark's breakdown (in the order they end). */
export const PHASES: Record<Phase, string> = {
  generated: 'Node start-up, notes -> slides.md',
  browser: 'Chromium started (while Slidev loads)',
  server: 'Slidev loaded, Vite listening',
  loaded: 'first page load (Vite transforms the client)',
  drawn: 'slides laid out, diagrams and fonts done',
  printed: 'print (or pictures, or the PowerPoint)',
  proved: 'PDF read back: its own deck',
  outlined: 'outline and title added',
}

export interface ExportOptions {
  /** The generated slides.md to export. */
  slides: string
  /** A file for pdf and pptx; a folder (one PNG per slide) for png. */
  output: string
  format: ExportFormat
  browser: string
  timeoutMs: number
  dark: boolean
  onPhase?: ((phase: Phase) => void) | undefined
}

/** What an export made, in memory until it is put in place; an editable PowerPoint with its exporter's report. */
export type Made = { kind: 'file', data: Uint8Array, report?: EditableReport } | { kind: 'folder', files: Array<{ name: string, data: Uint8Array }> }

/** The PDF's outline comes from the slides' titles and `level`s, its properties from the headmatter. */
async function outlined(pdf: Uint8Array, markdown: string): Promise<Uint8Array> {
  const { slides } = parseSync(markdown, 'slides.md')
  return addOutline(pdf, slides.map(s => ({ title: s.title ?? '', level: typeof s.frontmatter.level === 'number' ? s.frontmatter.level : undefined })), documentInfoOf(slides))
}

/** A printed PDF proved to be `deck` (read back, page by page), then given its outline. */
export async function finishPdf(pdf: Uint8Array, markdown: string, deck: DeckShape, onPhase?: (p: Phase) => void): Promise<Uint8Array> {
  const problems = mismatches(deck, await pdfPageTexts(pdf))
  if (problems.length)
    throw new DeckMismatch(problems)
  onPhase?.('proved')
  const done = await outlined(pdf, markdown)
  onPhase?.('outlined')
  return done
}

async function startBrowser(path: string, timeoutMs: number): Promise<Browser> {
  return launchBrowser(path, timeoutMs).catch((e: Error) => {
    if (e.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(e.message))
      throw new NotedeckError('EXPORT_FAILED', `the export did not finish in ${Math.round(timeoutMs / 1000)} s and was stopped`, { hint: 'raise it with --timeout <ms>' })
    throw new NotedeckError('EXPORT_FAILED', `the browser did not start\n${e.message.split('\n').slice(0, 12).join('\n')}`, { hint: `browser used: ${path}` })
  })
}

/**
 * One export into memory. While Vite's dependency cache for exports is cold, one export at a time
 * fills it (the others wait, then start warm).
 */
export function renderDeck(opts: ExportOptions): Promise<Made> {
  return withWarmCache(opts.slides, 'export', () => renderWarm(opts), opts.timeoutMs + 2 * EXPORT_OVERHEAD_MS)
}

/** One export into memory: server and browser started together, stopped again whatever happens. */
async function renderWarm(opts: ExportOptions): Promise<Made> {
  const mark = opts.onPhase ?? (() => {})
  const markdown = await readFile(opts.slides, 'utf8')
  const total = opts.timeoutMs + EXPORT_OVERHEAD_MS
  const server = startSlidevServer(opts.slides)
  const browser = startBrowser(opts.browser, total)
  void browser.then(() => mark('browser'), () => {})
  void server.then(() => mark('server'), () => {})
  const stop: Array<() => Promise<unknown>> = [
    () => server.then(s => s.close(), () => {}),
    () => browser.then(b => b.close(), () => {}),
  ]
  let timer: NodeJS.Timeout | undefined
  const work = (async () => {
    const [up, b] = await Promise.all([server, browser]) as [SlidevServer, Browser]
    const printer = await openPrinter(b, opts.timeoutMs, opts.format === 'pptx' ? EDITABLE_SCALE : RASTER_SCALE)
    const deck = await printer.show(up.url, PRINT_PAGE, markdown, { dark: opts.dark, onPhase: mark })
    if (opts.format === 'pdf')
      return { kind: 'file', data: await finishPdf(await printer.pdf().then((p) => { mark('printed'); return p }), markdown, deck, mark) } as Made
    if (opts.format === 'pptx') {
      const { data, report } = await printer.pptx(markdown, documentInfoOf(parseSync(markdown, 'slides.md').slides).lang)
      mark('printed')
      return { kind: 'file', data, report } as Made
    }
    const pictures = await printer.pictures()
    mark('printed')
    if (opts.format === 'png')
      return { kind: 'folder', files: pictures.map((data, i) => ({ name: `${i + 1}.png`, data })) } as Made
    return { kind: 'file', data: await picturesPptx({ slidesMarkdown: markdown, pictures }) } as Made
  })()
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotedeckError('EXPORT_FAILED', `the export did not finish in ${Math.round(total / 1000)} s and was stopped`, { hint: 'raise it with --timeout <ms>' })), total)
  })
  try {
    return await Promise.race([work, deadline])
  }
  finally {
    clearTimeout(timer)
    work.catch(() => {})
    await Promise.all(stop.map(s => s()))
  }
}

/** Puts what was made at `output` whole: a file by rename, a folder by moving the old one aside. */
async function install(made: Made, output: string): Promise<number> {
  if (made.kind === 'file') {
    await writeAtomic(output, made.data)
    return made.data.byteLength
  }
  const tmp = tempPathFor(output)
  try {
    await mkdir(tmp, { recursive: true })
    await Promise.all(made.files.map(f => writeFile(join(tmp, f.name), f.data)))
    await replacePath(tmp, output)
  }
  finally {
    await rm(tmp, { recursive: true, force: true })
  }
  return made.files.reduce((n, f) => n + f.data.byteLength, 0)
}

export interface ExportResult { output: string, bytes: number, attempts: number, report?: EditableReport | undefined }

/**
 * Exports, once more if the result was not this deck, then puts it in place under the output's
 * lock, and runs `after` (the cache stamp) before another writer may replace it.
 */
export async function exportDeck(opts: ExportOptions, after: () => Promise<void> = async () => {}, render: (o: ExportOptions) => Promise<Made> = renderDeck): Promise<ExportResult> {
  const output = resolve(opts.output)
  await mkdir(dirname(output), { recursive: true })
  let made: Made | undefined
  let attempts = 0
  const seen: string[] = []
  while (!made && attempts < 2) {
    attempts++
    try {
      made = await render(opts)
    }
    catch (e) {
      if (!(e instanceof DeckMismatch))
        throw e
      seen.push(...e.problems)
    }
  }
  if (!made)
    throw new NotedeckError('EXPORT_FAILED', `the export did not print this deck, twice: ${[...new Set(seen)].join('; ')}; the previous output was left in place`, { hint: 'run the export again; if it persists, run `npm run check` to see whether the slides render' })
  const bytes = await withOutputLock(output, async () => {
    const n = await install(made, output)
    await after()
    return n
  })
  return { output, bytes, attempts, report: made.kind === 'file' ? made.report : undefined }
}

/** dist/slides.pdf, dist/slides-dark.pptx, dist/slides-image.pptx, dist/slides-png/ … */
export function defaultOutput(root: string, format: ExportFormat, dark: boolean): string {
  const name = `slides${dark ? '-dark' : ''}`
  return join(root, 'dist', format === 'png' ? `${name}-png` : format === 'pptx-image' ? `${name}-image.pptx` : `${name}.${format}`)
}
