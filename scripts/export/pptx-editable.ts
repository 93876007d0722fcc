/**
 * The editable PowerPoint: Slidev's own exporter (native text boxes, shapes, speaker notes)
 * run on the page the printer already shows and has proved, so no second load. It writes a file:
 * here into a folder of its own, read back and removed. Then `stablePptx` makes the bytes depend
 * on the deck only. Diagrams and images become pictures at the page's scale; tables become
 * PowerPoint tables, zoomed text keeps its shown size and diagrams' pictures their text
 * alternatives (`pptx-native.ts`).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-chromium'
import type PptxGenJS from 'pptxgenjs'
import { NotedeckError } from '../core/errors'
import { CANVAS } from '../pipeline/geometry'
import { ROOT } from '../core/paths'
import { slidevSlides } from '../slidev/slidev-slides'
import { stablePptx } from './pptx-stable'
import { withNativeParts } from './pptx-native'
import { partsOnPage, showTables, tablesOnPage } from '../page/bundle'
import { EDITABLE_CHUNK, EDITABLE_ROUTE, type EditableExporter, type EditableReport, SLIDEV } from '../slidev/slidev-internals'

/** The attribute that marks a table hidden from Slidev's exporter while notedeck makes it a PowerPoint table. */
const TABLE_MARK = 'data-nd-table-visibility'

export interface EditablePptx { data: Uint8Array, report: EditableReport }

const slidevDist = () => join(dirname(createRequire(join(ROOT, 'package.json')).resolve('@slidev/cli/package.json')), 'dist')

/**
 * The pptxgenjs class the exporter builds with: its ES module as the exporter imports it (from
 * @slidev/cli's folder; one module instance whoever loads it, a test runner included).
 */
async function exportersPptx(): Promise<typeof PptxGenJS> {
  let dir = dirname(createRequire(join(slidevDist(), 'index.mjs')).resolve('pptxgenjs'))
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir)
    dir = dirname(dir)
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { exports?: { import?: string }, module?: string }
  const entry = pkg.exports?.import ?? pkg.module ?? 'dist/pptxgen.es.js'
  return (await import(pathToFileURL(join(dir, entry)).href) as { default: typeof PptxGenJS }).default
}

/** Slidev's editable exporter, found in @slidev/cli's build. */
export async function editableExporter(): Promise<EditableExporter> {
  const dist = slidevDist()
  for (const name of (await readdir(dist).catch(() => [])).filter(f => EDITABLE_CHUNK.test(f)).sort()) {
    const mod = await import(pathToFileURL(join(dist, name)).href) as Partial<EditableExporter>
    if (typeof mod.exportPptxEditable === 'function')
      return mod as EditableExporter
  }
  throw new NotedeckError('EXPORT_FAILED', `Slidev's editable PowerPoint exporter was not found in ${dist}`, { hint: 'reinstall with `npm ci`; `--format pptx-image` makes a PowerPoint of pictures without it' })
}

/**
 * The slides shown on `page` (the print route, drawn and proved) as an editable PowerPoint file,
 * its text marked with the deck's language (`lang`, a BCP 47 tag).
 */
export async function editablePptx(page: Page, slidesMarkdown: string, lang: string): Promise<EditablePptx> {
  const { exportPptxEditable } = await editableExporter()
  // Slidev's exporter takes the slides as its parser reads them.
  const { slides } = slidevSlides(slidesMarkdown)
  const dir = await mkdtemp(join(tmpdir(), 'notedeck-pptx-'))
  try {
    const go = async (route: string) => {
      if (route !== EDITABLE_ROUTE)
        throw new Error(`Slidev's editable exporter asked for the "${route}" route; notedeck shows "${EDITABLE_ROUTE}"`)
    }
    const query = { slides: SLIDEV.printContainer, canvasWidth: CANVAS.width, mark: TABLE_MARK }
    const { zooms, figures } = await partsOnPage(page, query)
    const tables = await tablesOnPage(page, query)
    const { output, ...report } = await withNativeParts(await exportersPptx(), { zooms, tables, figures, canvasWidth: CANVAS.width }, () => exportPptxEditable({ page, slides, width: CANVAS.width, height: CANVAS.height, pages: slides.map((_, i) => i + 1), go }, join(dir, 'slides.pptx')))
      .catch((e: Error) => {
        throw new NotedeckError('EXPORT_FAILED', `Slidev's editable PowerPoint exporter failed: ${e.message.split('\n')[0]}`, { hint: '`--format pptx-image` makes a PowerPoint of one picture per slide', cause: e })
      })
    return { data: await stablePptx(await readFile(output), { lang }), report }
  }
  finally {
    await showTables(page, TABLE_MARK).catch(() => {})
    await rm(dir, { recursive: true, force: true })
  }
}

/** The exporter's report as lines for the user: warnings first, then the fonts a recipient needs. */
export function reportLines(report: EditableReport): { warnings: string[], fonts: string | undefined } {
  const warnings = [
    ...report.fallbackSlides.map(s => `slide ${s.no} is one picture in the PowerPoint (${s.reason})`),
    ...(report.imagesDropped ? [`${report.imagesDropped} image(s) could not be read and were left out`] : []),
    ...(report.rastersFailed ? [`${report.rastersFailed} element(s) could not be captured as a picture and were left out`] : []),
    ...(report.unparsedColors.length ? [`${report.unparsedColors.length} colour value(s) could not be read: ${report.unparsedColors.slice(0, 5).join(', ')}`] : []),
    ...(report.isolationMissed ? [`${report.isolationMissed} picture(s) could not be isolated and may show doubled text`] : []),
    ...(report.unplaceablePseudos.length ? [`CSS decorations left out: ${report.unplaceablePseudos.slice(0, 5).join(', ')}`] : []),
  ]
  const fonts = report.fontsNamed.length ? `fonts named in the PowerPoint (a recipient needs them installed): ${report.fontsNamed.join(', ')}` : undefined
  return { warnings, fonts }
}
