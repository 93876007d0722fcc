/**
 * The export of a generated deck, as every exporting command asks for it (export, handout): one
 * typed request per output, each made unless it is up to date (the export cache), from a running
 * dev server when there is one, in the dark variant when asked, timed when NOTEDECK_TIMINGS is set.
 * The command line checks the options into requests (cli/export-request.ts) and prints what was made.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { resolveBrowser } from '../slidev/browser'
import { type Phase, type Render, type Rendered, exportDecks } from './export'
import { correctionsFor, slideName } from './feedback'
import type { PageAudit } from './printer'
import type { Deck } from '../pipeline/types'
import { exportKey, inputsKey, isFresh, remember } from './export-cache'
import type { GenerateResult } from '../pipeline/generate'
import { type ExportFormat, devAnnouncementFor } from '../core/paths'
import type { EditableReport } from '../slidev/slidev-internals'
import { writeDarkVariant } from '../slidev/variant'
import { lostParts } from './audit'

/** One output an exporting command asks for, its options checked. */
export interface ExportRequest {
  format: ExportFormat
  dark: boolean
  fresh: boolean
  timeoutMs: number
  output: string
  /** Print what does not fit (content outside its slide or box, characters no font has) as it is, and exit 0. */
  allowOverflow: boolean
  /** What generation was told: no fetching of remote images, the deck config named (absolute), or none. */
  offline: boolean
  config: string | null
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

/** The options that shape an export besides its input files (what its cache keys on). */
export function inputOptions(req: ExportRequest): Record<string, string | boolean | null> {
  return { format: req.format, dark: req.dark, offline: req.offline, config: req.config, allowOverflow: req.allowOverflow }
}

/** The files an export is made from: everything generation read, and the slides file. */
export interface ExportInputs { key: string, files: string[] }

export async function exportInputs(result: GenerateResult, req: ExportRequest): Promise<ExportInputs> {
  const files = [...result.reads, resolve(result.out)]
  return { key: await inputsKey(files, inputOptions(req)), files }
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
