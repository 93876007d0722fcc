/**
 * What every exporting command shares (export, handout): its options checked into a request, the
 * export of a generated deck unless the output is up to date (the export cache), from a running
 * dev server when there is one, and the line that says what was written.
 */
import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { resolveBrowser } from '../slidev/browser'
import { NotedeckError } from '../core/errors'
import { type ExportFormat, type Phase, type Render, type Rendered, defaultOutput, exportDecks } from '../export/export'
import { lostParts } from '../export/audit'
import { correctionsFor, lostLines, slideName } from '../export/feedback'
import type { PageAudit } from '../export/printer'
import type { Deck } from '../pipeline/types'
import { exportKey, inputsKey, isFresh, remember } from '../export/export-cache'
import type { GenerateResult } from '../pipeline/generate'
import { ROOT, devAnnouncementFor } from '../core/paths'
import type { EditableReport } from '../slidev/slidev-internals'
import { writeDarkVariant } from '../slidev/variant'

export const DEFAULT_TIMEOUT_MS = 60_000

export interface ExportRequest {
  format: ExportFormat
  dark: boolean
  fresh: boolean
  timeoutMs: number
  output: string
  /** Print what does not fit (content outside its slide or box, characters no font has) as it is, and exit 0. */
  allowOverflow: boolean
}

/** The options every exporting command shares, checked; `name` is what the outputs are called by default (`outputNameFor`). */
export function exportRequest(values: Record<string, unknown>, format: ExportFormat, name?: string): ExportRequest {
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout)
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new NotedeckError('USAGE', `--timeout takes a positive number of milliseconds, not "${String(values.timeout)}"`)
  const dark = values.dark === true
  return { format, dark, fresh: values.fresh === true, timeoutMs, output: defaultOutput(ROOT, format, dark, name), allowOverflow: values['allow-overflow'] === true }
}

export interface ExportDone {
  output: string
  cached: boolean
  bytes: number
  seconds: number
  /** the dev server it came from */
  live?: string
  /** what Slidev's editable PowerPoint exporter could not do, and the fonts it named */
  report?: EditableReport | undefined
  /** what the browser measured of the printed slides, and the deck printed (after the feedback pass) */
  rendered?: Rendered
  /** the printed deck, to name its slides (`deck` of the generation, or of the feedback pass) */
  deck?: Deck
}

/**
 * With NOTEDECK_TIMINGS=1, each step of an export is reported on stderr as it ends
 * (`notedeck: timing started 1.21 s`), seconds since the process started: the benchmark's breakdown.
 */
function phaseTimer(): ((phase: Phase) => void) | undefined {
  if (!process.env.NOTEDECK_TIMINGS)
    return undefined
  return phase => console.error(`notedeck: timing ${phase} ${(performance.now() / 1000).toFixed(2)} s`)
}

/** How long to wait for a running dev server before exporting on our own. */
const LIVE_TIMEOUT_MS = 20_000

/** The options that shape an export besides its input files. */
export function inputOptions(values: Record<string, unknown>, req: ExportRequest): Record<string, unknown> {
  return { format: req.format, dark: req.dark, offline: values.offline === true, config: typeof values.config === 'string' ? resolve(values.config) : null, allowOverflow: req.allowOverflow }
}

/** The files an export is made from: everything generation read, and the slides file. */
export interface ExportInputs { key: string, files: string[] }

export async function exportInputs(result: GenerateResult, values: Record<string, unknown>, req: ExportRequest): Promise<ExportInputs> {
  const files = [...result.reads, resolve(result.out)]
  return { key: await inputsKey(files, inputOptions(values, req)), files }
}

/** One output an exporting command asks for, with what it is made from (for the cache). */
export interface ExportJob { req: ExportRequest, inputs: ExportInputs }

/**
 * Exports the generated deck to each job's output, unless that output is already what these slides
 * and options make (the export cache). The outputs still to make come from one export (one server,
 * the slides drawn once: `exportDecks`); a single PDF is printed from a running dev server when
 * there is one. Each job's `inputs` is remembered with its output for the next run's quick check.
 * The jobs share dark, fresh and timeout. Shared by `export` and `handout`; `render` is an
 * `Exporter`'s when several decks are exported one after another.
 */
export async function exportGenerated(result: GenerateResult, jobs: ExportJob[], render?: Render): Promise<ExportDone[]> {
  const { dark, fresh, timeoutMs, allowOverflow } = jobs[0]!.req
  // The dark variant is the same deck rendered in the dark colour schema.
  const markdown = dark ? result.variant('dark') : result.markdown
  const done = new Map<ExportJob, ExportDone>()
  const stale: Array<{ job: ExportJob, after: (rendered?: Rendered) => Promise<void> }> = []
  for (const job of jobs) {
    const { req, inputs } = job
    const key = await exportKey(markdown, { format: req.format, dark })
    // The stamp that says the output is up to date: of the deck printed (the feedback pass may have
    // planned it again), and only when it shows all of the notes, or when told to print it anyway.
    const after = async (rendered?: Rendered) => {
      if (rendered && !allowOverflow && lostParts(rendered.audit).length)
        return
      const printed = rendered && rendered.markdown !== markdown ? await exportKey(rendered.markdown, { format: req.format, dark }) : key
      await remember(req.output, printed, inputs.key, inputs.files)
    }
    if (!fresh && await isFresh(req.output, key)) {
      await after()
      done.set(job, { output: req.output, cached: true, bytes: 0, seconds: 0 })
    }
    else {
      stale.push({ job, after })
    }
  }
  const ordered = () => jobs.map(j => done.get(j)!)
  if (!stale.length)
    return ordered()
  const slides = dark ? await writeDarkVariant(result.out, markdown) : result.out
  const browser = await resolveBrowser()
  const started = Date.now()
  const seconds = () => (Date.now() - started) / 1000
  const only = stale.length === 1 ? stale[0]! : undefined
  // The browser driver and PDF tools load only when a dev server is there to print from.
  const liveExport = only?.job.req.format === 'pdf' && !dark && existsSync(devAnnouncementFor(slides)) ? await import('../export/export-live') : undefined
  const live = liveExport ? await liveExport.findLiveServer(slides) : undefined
  if (only && liveExport && live) {
    try {
      const made = await liveExport.exportFromServer({ url: live, slides: { markdown, deck: result.deck }, output: only.job.req.output, browser, timeoutMs: LIVE_TIMEOUT_MS, after: only.after, slideName: slideName(result.deck.slides, result.file) })
      done.set(only.job, { output: made.output, cached: false, bytes: made.bytes, seconds: seconds(), live, rendered: made.rendered, deck: result.deck })
      return ordered()
    }
    catch (e) {
      console.warn(`notedeck: could not print from the dev server at ${live} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); exporting on its own`)
    }
  }
  // The feedback pass: slides the browser found not fitting are planned again from what it measured.
  let deck = result.deck
  const replan = async (audit: PageAudit) => {
    const corrections = correctionsFor(audit, result.deck.slides)
    if (!corrections.length)
      return undefined
    const again = result.replan(corrections)
    deck = again.deck
    return { markdown: dark ? again.variant('dark') : again.markdown, deck }
  }
  const onPhase = phaseTimer()
  onPhase?.('generated')
  const made = await exportDecks({ slides, deck: result.deck, browser, timeoutMs, dark, onPhase, replan, slideName: no => slideName(deck.slides, result.file)(no) }, stale.map(({ job, after }) => ({ format: job.req.format, output: job.req.output, after })), render)
  made.forEach((r, i) => done.set(stale[i]!.job, { output: r.output, cached: false, bytes: r.bytes, seconds: seconds(), report: r.report, rendered: r.rendered, deck }))
  return ordered()
}

/** The line that says what an export wrote, or that it was up to date. */
export function exportSummary(done: ExportDone, format: ExportFormat, slides: number): string {
  const shown = relative(process.cwd(), done.output)
  if (done.cached)
    return `notedeck: ${shown} is up to date (nothing that shapes it changed; --fresh exports anyway)`
  const unit = format === 'pdf' ? 'pages' : format === 'png' ? 'images' : 'slides'
  return `notedeck: ${shown} (${slides} ${unit}, ${(done.bytes / 1024).toFixed(0)} KiB, ${done.seconds.toFixed(1)} s${done.live ? `, from the dev server at ${done.live}` : ''})`
}

/**
 * Says what the browser found in the slides of an export: slides the feedback pass planned again,
 * and what of the notes the printed slides still do not show (`notes.md:42: slide 7 …`, on stderr).
 * That is an error (`CONTENT_LOST`, exit 1, the outputs written as printed) unless `--allow-overflow`.
 */
export function reportRendered(done: ExportDone[], result: GenerateResult, allowOverflow: boolean): void {
  const first = done.find(d => d.rendered)
  if (!first?.rendered)
    return
  const { rendered } = first
  if (rendered.replanned)
    console.log(`notedeck: planned again from what Chromium measured:${lostLines(lostParts(rendered.replanned), result.deck.slides, result.file).map(l => `\n  ${l}`).join('')}`)
  const lost = lostParts(rendered.audit)
  if (!lost.length)
    return
  const lines = lostLines(lost, (first.deck ?? result.deck).slides, result.file)
  lines.forEach(l => console.error(`notedeck: ${allowOverflow ? 'warning: ' : ''}${l}`))
  if (!allowOverflow) {
    const slides = new Set(lost.map(f => f.slide)).size
    throw new NotedeckError('CONTENT_LOST', `${slides} slide${slides > 1 ? 's' : ''} of ${result.file} ${slides > 1 ? 'do' : 'does'} not show all of the notes (above); ${done.map(d => relative(process.cwd(), d.output)).join(', ')} written as printed`, { hint: 'shorten or split what is named there, or pass --allow-overflow to accept it' })
  }
}
