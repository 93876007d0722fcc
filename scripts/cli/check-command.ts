/**
 * `npm run check [-- <notes.md> ...]`: generate, render every slide in Chromium, report what does not
 * fit. Several notes files are checked one after another on one server and one browser.
 */
import { parseCommon } from './args'
import { resolveBrowser } from '../slidev/browser'
import { type CheckReport, openChecker } from '../check/check'
import { median } from '../core/stats'
import { NotedeckError, formatPoint } from '../core/errors'
import type { GenerateResult } from '../pipeline/generate'
import { generateForDeck } from './generate-deck'
import { USAGE } from './usage'
import { writeDarkVariant } from '../slidev/variant'

/** Prints one deck's findings and summary; the number of findings. */
function printReport(result: GenerateResult, { findings, coverage }: CheckReport, dark: boolean): number {
  for (const f of findings) {
    const where = f.line ? ` (${formatPoint({ file: result.file, line: f.line })})` : ''
    console.log(`slide ${f.slide}${where}: ${f.kind}: ${f.message}`)
  }
  const count = result.plan.slides.length
  console.log(`notedeck: ${coverage.length} content slides, median coverage ${Math.round(median(coverage.map(c => c.coverage)) * 100)}% of the slide`)
  if (!findings.length)
    console.log(`notedeck: check passed${dark ? ' (dark)' : ''}: ${count} slides, nothing outside the slides, every label in its box, text readable against its background, no sparse slide, code columns aligned, no broken image, no missing glyph`)
  return findings.length
}

export async function runCheck(argv: string[]): Promise<number> {
  const { values, notesFiles } = parseCommon(argv, 'check')
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const dark = values.dark === true
  const checker = await openChecker(await resolveBrowser())
  const failed: Array<{ file: string, problems: string }> = []
  try {
    for (const notes of notesFiles.length ? notesFiles : [undefined]) {
      const result = await generateForDeck(notes, values)
      const slides = dark ? await writeDarkVariant(result.out, result.variant('dark')) : result.out
      const problems = printReport(result, await checker.check(slides, result.deck), dark)
      if (problems)
        failed.push({ file: result.file, problems: `${problems} problem${problems > 1 ? 's' : ''} in ${result.plan.slides.length} slides` })
    }
  }
  finally {
    await checker.close()
  }
  if (failed.length === 1 && notesFiles.length <= 1)
    throw new NotedeckError('CHECK_FAILED', failed[0]!.problems, { where: { file: failed[0]!.file } })
  if (failed.length)
    throw new NotedeckError('CHECK_FAILED', `${failed.length} of ${notesFiles.length} notes have problems: ${failed.map(f => `${f.file} (${f.problems})`).join(', ')}`)
  if (notesFiles.length > 1)
    console.log(`notedeck: all ${notesFiles.length} notes passed the check`)
  return 0
}
