/**
 * Draws the slides (pages of the slides PDF, kept as vector pages with their text and fonts) into
 * the frames of the printed handout pages. The handout PDF keeps its own outline. Pure: bytes in,
 * bytes out.
 */
import { PDFDocument, beginMarkedContent, endMarkedContent } from 'pdf-lib'
import { NotedeckError } from '../core/errors'
import { type DocumentInfo, setDocumentInfo } from '../export/outline'
import type { Frame } from '../page/handout-types'

export type { Frame }

const PT_PER_MM = 72 / 25.4

export async function composeHandout(handoutPdf: Uint8Array, slidesPdf: Uint8Array, frames: Frame[], info: DocumentInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(handoutPdf)
  const slides = await PDFDocument.load(slidesPdf)
  if (slides.getPageCount() !== frames.length)
    throw new NotedeckError('EXPORT_FAILED', `the slides PDF has ${slides.getPageCount()} pages but the deck has ${frames.length} slides`, { hint: 'export again with --fresh' })
  const embedded = await doc.embedPdf(slides, frames.map(f => f.no - 1))
  const pages = doc.getPages()
  frames.forEach((f, i) => {
    const page = pages[f.page]
    const slide = embedded[i]
    if (!page || !slide)
      throw new NotedeckError('EXPORT_FAILED', `the handout has no page ${f.page + 1} for slide ${f.no}`)
    const { height: pageH } = page.getSize()
    // Fit the slide into its frame, keeping the slide's own ratio, centred.
    const boxW = f.width * PT_PER_MM
    const boxH = f.height * PT_PER_MM
    const scale = Math.min(boxW / slide.width, boxH / slide.height)
    const w = slide.width * scale
    const h = slide.height * scale
    // The frame is a figure in the handout's structure, its alternative the slide's text; the
    // drawing itself is marked as an artifact so that it is not read a second time.
    page.pushOperators(beginMarkedContent('Artifact'))
    page.drawPage(slide, {
      x: f.x * PT_PER_MM + (boxW - w) / 2,
      y: pageH - f.y * PT_PER_MM - boxH + (boxH - h) / 2,
      width: w,
      height: h,
    })
    page.pushOperators(endMarkedContent())
  })
  setDocumentInfo(doc, info)
  doc.setCreator('notedeck')
  return doc.save()
}
