/** `npm run check [-- <notes.md>]`: generate, render every slide in Chromium, report what does not fit. */
import { parseCommon } from './args'
import { resolveBrowser } from '../slidev/browser'
import { checkDeck } from '../check/check'
import { median } from '../core/stats'
import { NotedeckError, formatPoint } from '../core/errors'
import { generateForDeck } from './generate-deck'
import { USAGE } from './usage'
import { writeDarkVariant } from '../slidev/variant'

export async function runCheck(argv: string[]): Promise<number> {
  const { values, notes: notesArg } = parseCommon(argv, { dark: { type: 'boolean', default: false } })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const browser = await resolveBrowser()
  const result = await generateForDeck(notesArg, values)
  const slides = values.dark ? await writeDarkVariant(result.out, result.markdown) : result.out
  const { findings, coverage } = await checkDeck({ slides, browser })
  for (const f of findings) {
    const where = f.line ? ` (${formatPoint({ file: result.file, line: f.line })})` : ''
    console.log(`slide ${f.slide}${where}: ${f.kind}: ${f.message}`)
  }
  const count = result.plan.slides.length
  console.log(`notedeck: ${coverage.length} content slides, median coverage ${Math.round(median(coverage.map(c => c.coverage)) * 100)}% of the slide`)
  if (findings.length)
    throw new NotedeckError('CHECK_FAILED', `${findings.length} problem${findings.length > 1 ? 's' : ''} in ${count} slides`, { where: { file: result.file } })
  console.log(`notedeck: check passed${values.dark ? ' (dark)' : ''}: ${count} slides, nothing outside the slides, every label in its box, text readable against its background, no sparse slide, code columns aligned, no broken image, no missing glyph`)
  return 0
}
