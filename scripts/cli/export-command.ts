/**
 * `npm run export [-- <notes.md> ...] [-o <path>] [--format pdf|pptx|pptx-image|png] [--dark]`:
 * generate, then export. Several notes files are exported one after another on one server and one
 * browser, each to its own outputs.
 */
import { basename, join, resolve } from 'node:path'
import { parseCommon } from './args'
import { NotedeckError, isNotedeckError } from '../core/errors'
import { type ExportFormat, FORMATS, type Render } from '../export/export'
import type { Exporter } from '../export/exporter'
import { isFreshFromStamp } from '../export/export-cache'
import { DEFAULT_NOTES, outputNameFor, outputNamesFor } from '../core/paths'
import { reportLines } from '../export/pptx-editable'
import { type ExportRequest, exportRequest, exportSummary, reportRendered } from './export-request'
import { exportGenerated, exportInputs, inputOptions } from '../export/export-job'
import { USAGE } from './usage'

/** The formats asked for, checked. */
function formatsOf(value: unknown): ExportFormat[] {
  const formats = [...new Set(String(value).split(',').map(f => f.trim()))] as ExportFormat[]
  for (const format of formats) {
    if (!FORMATS.includes(format))
      throw new NotedeckError('USAGE', `--format takes ${FORMATS.join(', ')} (or several, comma-separated), not "${format}"`)
  }
  return formats
}

/**
 * The outputs of one notes file. One notes file and one format: -o is its file (a folder for png).
 * Several formats or several notes: -o is the folder they go to, by their usual names.
 */
export function requestsFor(notesFile: string, formats: ExportFormat[], values: Record<string, unknown>, several: boolean, name = outputNameFor(notesFile)): ExportRequest[] {
  const reqs = formats.map(f => exportRequest(values, f, name))
  if (typeof values.out === 'string') {
    const out = resolve(values.out)
    for (const req of reqs)
      req.output = reqs.length === 1 && !several ? out : join(out, basename(req.output))
  }
  return reqs
}

/** The outputs of every notes file of one command (none: the default notes); same-named notes of different folders never share one (`outputNamesFor`). */
export function requestsForAll(notesFiles: string[], formats: ExportFormat[], values: Record<string, unknown>): Array<{ notes: string | undefined, reqs: ExportRequest[] }> {
  const given = notesFiles.length ? notesFiles : [undefined]
  const files = given.map(n => resolve(n ?? DEFAULT_NOTES))
  const names = outputNamesFor(files)
  return given.map((notes, i) => ({ notes, reqs: requestsFor(files[i]!, formats, values, files.length > 1, names[i]) }))
}

/** One notes file exported (by `render` when given: an `Exporter`'s, when there are several). */
async function exportNotes(notes: string | undefined, reqs: ExportRequest[], values: Record<string, unknown>, render?: Render): Promise<void> {
  const notesFile = resolve(notes ?? DEFAULT_NOTES)
  // Nothing changed since the last export: say so without loading the generator.
  const quick = await Promise.all(reqs.map(req => req.fresh ? false : isFreshFromStamp(req.output, notesFile, inputOptions(req))))
  if (quick.every(Boolean)) {
    reqs.forEach(req => console.log(exportSummary({ output: req.output, cached: true, bytes: 0, seconds: 0 }, req.format, 0)))
    return
  }
  const { generateForDeck } = await import('./generate-deck')
  const result = await generateForDeck(notes, values)
  // Keyed again after generation: the slides file may just have been rewritten.
  const jobs = await Promise.all(reqs.map(async req => ({ req, inputs: await exportInputs(result, req) })))
  const done = await exportGenerated(result, jobs, render)
  done.forEach((d, i) => {
    console.log(exportSummary(d, reqs[i]!.format, (d.deck ?? result.deck).slides.length))
    if (d.report) {
      const { warnings, fonts } = reportLines(d.report)
      warnings.forEach(w => console.warn(`notedeck: warning: ${w}`))
      if (fonts)
        console.log(`notedeck: ${fonts}`)
    }
  })
  reportRendered(done, result, reqs[0]!.allowOverflow)
}

export async function runExport(argv: string[]): Promise<number> {
  const { values, notesFiles } = parseCommon(argv, 'export')
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const formats = formatsOf(values.format)
  const timeoutMs = exportRequest(values, formats[0]!).timeoutMs
  const all = requestsForAll(notesFiles, formats, values)
  if (all.length === 1) {
    await exportNotes(all[0]!.notes, all[0]!.reqs, values)
    return 0
  }
  // Several notes: one server and one browser for all, started with the first deck to export.
  let opened: Promise<Exporter> | undefined
  const exporter = async () => {
    opened ??= (async () => {
      const [{ openExporter }, { resolveBrowser }] = await Promise.all([import('../export/exporter'), import('../slidev/browser')])
      return openExporter(await resolveBrowser(), timeoutMs)
    })()
    return opened
  }
  const render: Render = async opts => (await exporter()).render(opts)
  const failed: string[] = []
  try {
    for (const { notes, reqs } of all) {
      try {
        await exportNotes(notes, reqs, values, render)
      }
      catch (e) {
        // A notes file that cannot be exported is reported, and the others are exported still;
        // what would stop every export (the options, the browser) stops at once.
        if (!isNotedeckError(e) || e.code === 'USAGE' || e.code === 'BROWSER_NOT_FOUND')
          throw e
        console.error(`notedeck: ${e.format()}`)
        failed.push(notes!)
      }
    }
  }
  finally {
    await opened?.then(e => e.close(), () => {})
  }
  if (failed.length)
    throw new NotedeckError('EXPORT_FAILED', `${failed.length} of ${notesFiles.length} notes were not exported: ${failed.join(', ')}`, { hint: 'their errors are above; the other notes were exported' })
  console.log(`notedeck: all ${notesFiles.length} notes exported`)
  return 0
}
