/**
 * The editable PowerPoint: Slidev's own exporter (native text boxes, shapes, tables, speaker notes)
 * run on the page the printer already shows and has proved, so no second load. It writes a file:
 * here into a folder of its own, read back and removed. Then `stablePptx` makes the bytes depend
 * on the deck only. Diagrams and images become pictures at the page's scale.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseSync } from '@slidev/parser'
import type { Page } from 'playwright-chromium'
import { NotedeckError } from '../core/errors'
import { CANVAS } from '../pipeline/plan/layout'
import { ROOT } from '../core/paths'
import { documentInfoOf } from './outline'
import { stablePptx } from './pptx-stable'
import { EDITABLE_CHUNK, EDITABLE_ROUTE, type EditableExporter, type EditableReport } from '../slidev/slidev-internals'

export interface EditablePptx { data: Uint8Array, report: EditableReport }

/** Slidev's editable exporter, found in @slidev/cli's build. */
export async function editableExporter(): Promise<EditableExporter> {
  const dist = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('@slidev/cli/package.json')), 'dist')
  for (const name of (await readdir(dist).catch(() => [])).filter(f => EDITABLE_CHUNK.test(f)).sort()) {
    const mod = await import(pathToFileURL(join(dist, name)).href) as Partial<EditableExporter>
    if (typeof mod.exportPptxEditable === 'function')
      return mod as EditableExporter
  }
  throw new NotedeckError('EXPORT_FAILED', `Slidev's editable PowerPoint exporter was not found in ${dist}`, { hint: 'reinstall with `npm ci`; `--format pptx-image` makes a PowerPoint of pictures without it' })
}

/**
 * The slides shown on `page` (the print route, drawn and proved) as an editable PowerPoint file,
 * its text marked with the deck's language (its headmatter's `htmlAttrs.lang`).
 */
export async function editablePptx(page: Page, slidesMarkdown: string): Promise<EditablePptx> {
  const { exportPptxEditable } = await editableExporter()
  const { slides } = parseSync(slidesMarkdown, 'slides.md')
  const { lang } = documentInfoOf(slides)
  const dir = await mkdtemp(join(tmpdir(), 'notedeck-pptx-'))
  try {
    const go = async (route: string) => {
      if (route !== EDITABLE_ROUTE)
        throw new Error(`Slidev's editable exporter asked for the "${route}" route; notedeck shows "${EDITABLE_ROUTE}"`)
    }
    const { output, ...report } = await exportPptxEditable({ page, slides, width: CANVAS.width, height: CANVAS.height, pages: slides.map((_, i) => i + 1), go }, join(dir, 'slides.pptx'))
      .catch((e: Error) => {
        throw new NotedeckError('EXPORT_FAILED', `Slidev's editable PowerPoint exporter failed: ${e.message.split('\n')[0]}`, { hint: '`--format pptx-image` makes a PowerPoint of one picture per slide', cause: e })
      })
    return { data: await stablePptx(await readFile(output), { lang }), report }
  }
  finally {
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
