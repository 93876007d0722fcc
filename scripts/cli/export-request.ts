/**
 * What every exporting command shares (export, handout) on the command line: its options checked
 * into a typed request (the export itself: export/export-job.ts), the line that says what was
 * written, and what the browser found.
 */
import { relative, resolve } from 'node:path'
import { NotedeckError } from '../core/errors'
import { lostParts } from '../export/audit'
import { lostLines } from '../export/feedback'
import type { GenerateResult } from '../pipeline/generate'
import { type ExportFormat, ROOT, defaultOutput } from '../core/paths'
import type { ExportDone, ExportRequest } from '../export/export-job'

export type { ExportDone, ExportRequest }

export const DEFAULT_TIMEOUT_MS = 60_000

/** The options every exporting command shares, checked; `name` is what the outputs are called by default (`outputNameFor`). */
export function exportRequest(values: Record<string, unknown>, format: ExportFormat, name?: string): ExportRequest {
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout)
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new NotedeckError('USAGE', `--timeout takes a positive number of milliseconds, not "${String(values.timeout)}"`)
  const dark = values.dark === true
  return {
    format,
    dark,
    fresh: values.fresh === true,
    timeoutMs,
    output: defaultOutput(ROOT, format, dark, name),
    allowOverflow: values['allow-overflow'] === true,
    offline: values.offline === true,
    config: typeof values.config === 'string' ? resolve(values.config) : null,
  }
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
