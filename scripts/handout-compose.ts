/**
 * Draws the slides (pages of the slides PDF, kept as vector pages with their text and fonts) into
 * the frames of the printed handout pages. The handout PDF keeps its own outline. Pure: bytes in,
 * bytes out.
 */
import { PDFDocument } from 'pdf-lib'
import { NotedeckError } from './errors'

export interface Frame {
  /** 1-based slide number. */
  no: number
  /** 0-based handout page. */
  page: number
  /** Millimetres from the page's top-left corner. */
  x: number
  y: number
  width: number
  height: number
}

const PT_PER_MM = 72 / 25.4

export async function composeHandout(handoutPdf: Uint8Array, slidesPdf: Uint8Array, frames: Frame[], title: string): Promise<Uint8Array> {
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
    page.drawPage(slide, {
      x: f.x * PT_PER_MM + (boxW - w) / 2,
      y: pageH - f.y * PT_PER_MM - boxH + (boxH - h) / 2,
      width: w,
      height: h,
    })
  })
  doc.setTitle(title, { showInWindowTitleBar: true })
  doc.setCreator('notedeck')
  return doc.save()
}
