/** `npm run export [-- <notes.md>] [-o <path>] [--format pdf|pptx|pptx-image|png] [--dark]`: generate, then Slidev's export. */
import { basename, join, resolve } from 'node:path'
import { parseCommon } from './args'
import { NotedeckError } from '../core/errors'
import { type ExportFormat, FORMATS } from '../export/export'
import { isFreshFromStamp } from '../export/export-cache'
import { DEFAULT_NOTES, outputNameFor } from '../core/paths'
import { reportLines } from '../export/pptx-editable'
import { EXPORT_OPTIONS, exportGenerated, exportInputs, exportRequest, exportSummary, inputOptions } from './export-request'
import { USAGE } from './usage'

export async function runExport(argv: string[]): Promise<number> {
  const { values, notes } = parseCommon(argv, { ...EXPORT_OPTIONS, format: { type: 'string', default: 'pdf' } })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const formats = [...new Set(String(values.format).split(',').map(f => f.trim()))] as ExportFormat[]
  for (const format of formats) {
    if (!FORMATS.includes(format))
      throw new NotedeckError('USAGE', `--format takes ${FORMATS.join(', ')} (or several, comma-separated), not "${format}"`)
  }
  const notesFile = resolve(notes ?? DEFAULT_NOTES)
  const reqs = formats.map(f => exportRequest(values, f, outputNameFor(notesFile)))
  // One format: -o is its file (a folder for png). Several: -o is the folder they go to, by their usual names.
  if (typeof values.out === 'string') {
    const out = resolve(values.out)
    for (const req of reqs)
      req.output = reqs.length === 1 ? out : join(out, basename(req.output))
  }
  // Nothing changed since the last export: say so without loading the generator.
  const quick = await Promise.all(reqs.map(req => req.fresh ? false : isFreshFromStamp(req.output, notesFile, inputOptions(values, req))))
  if (quick.every(Boolean)) {
    reqs.forEach(req => console.log(exportSummary({ output: req.output, cached: true, bytes: 0, seconds: 0 }, req.format, 0)))
    return 0
  }
  const { generateForDeck } = await import('./generate-deck')
  const result = await generateForDeck(notes, values)
  // Keyed again after generation: the slides file may just have been rewritten.
  const jobs = await Promise.all(reqs.map(async req => ({ req, inputs: await exportInputs(result, values, req) })))
  const done = await exportGenerated(result, jobs)
  done.forEach((d, i) => {
    console.log(exportSummary(d, reqs[i]!.format, result.plan.slides.length))
    if (d.report) {
      const { warnings, fonts } = reportLines(d.report)
      warnings.forEach(w => console.warn(`notedeck: warning: ${w}`))
      if (fonts)
        console.log(`notedeck: ${fonts}`)
    }
  })
  return 0
}
