/**
 * `npm run handout [-- <notes.md>] [-o <file.pdf>] [--per-page 2|3] [--dark]`: the slides PDF from
 * the export (cached like `export`), laid out on A4 with each slide's speaker notes beside it.
 */
import { relative, resolve } from 'node:path'
import { parseCommon } from './args'
import { resolveBrowser } from '../slidev/browser'
import { NotedeckError } from '../core/errors'
import { exportKey, fileDigest, isFresh, remember } from '../export/export-cache'
import { exportRequest, exportSummary, reportRendered } from './export-request'
import { exportGenerated, exportInputs } from '../export/export-job'
import { generateForDeck } from './generate-deck'
import { renderHandout } from '../handout/handout'
import { DEFAULT_PER_PAGE, PER_PAGE_CHOICES, type PerPage } from '../handout/handout-layout'
import { DEFAULT_NOTES, ROOT, defaultHandoutPath, outputNameFor } from '../core/paths'
import { USAGE } from './usage'

export function perPageOption(value: unknown): PerPage {
  if (value === undefined)
    return DEFAULT_PER_PAGE
  const n = Number(value)
  if (!PER_PAGE_CHOICES.includes(n as PerPage))
    throw new NotedeckError('USAGE', `--per-page takes ${PER_PAGE_CHOICES.join(' or ')}, not "${String(value)}"`)
  return n as PerPage
}

export async function runHandout(argv: string[]): Promise<number> {
  const { values, notes } = parseCommon(argv, 'handout')
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const perPage = perPageOption(values['per-page'])
  const name = outputNameFor(notes ?? DEFAULT_NOTES)
  const req = exportRequest(values, 'pdf', name)
  const dark = req.dark
  const output = typeof values.out === 'string' ? resolve(values.out) : defaultHandoutPath(ROOT, dark, name)
  const result = await generateForDeck(notes, values)
  const slides = (await exportGenerated(result, [{ req, inputs: await exportInputs(result, req) }]))[0]!
  if (!slides.cached)
    console.log(exportSummary(slides, 'pdf', (slides.deck ?? result.deck).slides.length))
  reportRendered([slides], result, req.allowOverflow)
  // The deck the slides PDF was printed from (the feedback pass may have planned it again).
  const printed = slides.rendered?.markdown ?? (dark ? result.variant('dark') : result.markdown)
  const key = await exportKey(printed, { handout: perPage, dark, slides: await fileDigest(slides.output) })
  if (!req.fresh && await isFresh(output, key)) {
    console.log(`notedeck: ${relative(process.cwd(), output)} is up to date (nothing that shapes it changed; --fresh makes it anyway)`)
    return 0
  }
  const started = Date.now()
  const handout = await renderHandout({
    deck: slides.rendered?.deck ?? result.deck,
    slidesPdf: slides.output,
    output,
    browser: await resolveBrowser(),
    perPage,
    dark,
    notesFile: result.file,
  })
  await remember(output, key)
  console.log(`notedeck: ${relative(process.cwd(), output)} (${handout.pages} A4 pages, ${perPage} slides per page, ${(handout.bytes / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return 0
}
