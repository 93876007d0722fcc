/** `npm run export [-- <notes.md>] [-o <path>] [--format pdf|pptx|pptx-image|png] [--dark]`: generate, then Slidev's export. */
import { resolve } from 'node:path'
import { parseCommon } from './args'
import { NotedeckError } from '../core/errors'
import { type ExportFormat, FORMATS } from '../export/export'
import { isFreshFromStamp } from '../export/export-cache'
import { DEFAULT_NOTES } from '../core/paths'
import { reportLines } from '../export/pptx-editable'
import { EXPORT_OPTIONS, exportGenerated, exportInputs, exportRequest, exportSummary, inputOptions } from './export-request'
import { USAGE } from './usage'

export async function runExport(argv: string[]): Promise<number> {
  const { values, notes } = parseCommon(argv, { ...EXPORT_OPTIONS, format: { type: 'string', default: 'pdf' } })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const format = String(values.format) as ExportFormat
  if (!FORMATS.includes(format))
    throw new NotedeckError('USAGE', `--format takes ${FORMATS.join(', ')}, not "${format}"`)
  const req = exportRequest(values, format)
  if (typeof values.out === 'string')
    req.output = resolve(values.out)
  // Nothing changed since the last export: say so without loading the generator.
  if (!req.fresh && await isFreshFromStamp(req.output, resolve(notes ?? DEFAULT_NOTES), inputOptions(values, req))) {
    console.log(exportSummary({ output: req.output, cached: true, bytes: 0, seconds: 0 }, format, 0))
    return 0
  }
  const { generateForDeck } = await import('./generate-deck')
  const result = await generateForDeck(notes, values)
  // Keyed again after generation: the slides file may just have been rewritten.
  const done = await exportGenerated(result, req, await exportInputs(result, values, req))
  console.log(exportSummary(done, format, result.plan.slides.length))
  if (done.report) {
    const { warnings, fonts } = reportLines(done.report)
    warnings.forEach(w => console.warn(`notedeck: warning: ${w}`))
    if (fonts)
      console.log(`notedeck: ${fonts}`)
  }
  return 0
}
