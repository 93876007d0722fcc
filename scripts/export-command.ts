/** `npm run export [-- <notes.md>] [-o <file.pdf>]`: generate, then Slidev's PDF export. */
import { relative, resolve } from 'node:path'
import { parseCommon } from './cli'
import { resolveBrowser } from './browser'
import { NotedeckError } from './errors'
import { defaultPdfPath, exportPdf } from './export'
import { exportKey, isFresh, remember } from './export-cache'
import { generateForDeck } from './generate-command'
import { ROOT } from './paths'
import { USAGE } from './usage'

export const DEFAULT_TIMEOUT_MS = 60_000

export async function runExport(argv: string[]): Promise<number> {
  const { values, notes: notesArg } = parseCommon(argv, {
    timeout: { type: 'string' },
    dark: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout)
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new NotedeckError('USAGE', `--timeout takes a positive number of milliseconds, not "${String(values.timeout)}"`)
  const result = await generateForDeck(notesArg, values)
  const output = typeof values.out === 'string' ? resolve(values.out) : defaultPdfPath(ROOT)
  const key = await exportKey(result.markdown, { format: 'pdf', dark: values.dark === true })
  if (!values.fresh && await isFresh(output, key)) {
    console.log(`notedeck: ${relative(process.cwd(), output)} is up to date (nothing that shapes it changed; --fresh exports anyway)`)
    return 0
  }
  const browser = await resolveBrowser()
  const started = Date.now()
  const pdf = await exportPdf({ slides: result.out, output, browser, timeoutMs, dark: values.dark === true, pages: result.plan.slides.length })
  await remember(output, key)
  console.log(`notedeck: ${relative(process.cwd(), pdf.output)} (${result.plan.slides.length} pages, ${(pdf.bytes / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return 0
}
