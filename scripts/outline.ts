/**
 * A PDF outline by section, from the slides' titles and `level`s: the outline Slidev's `--with-toc`
 * makes, for PDFs that notedeck prints itself (the export from a running dev server).
 */
import { outlinePdfFactory } from '@lillallol/outline-pdf'
import * as pdfLib from 'pdf-lib'

export interface OutlineSlide {
  title: string
  level: number | undefined
}

/**
 * outline-pdf's notation, one line per titled slide: `page|dashes|title`, a dash per level below
 * the top. A slide without a level sits under the last section; no entry is more than one level
 * below the one before it. Pure.
 */
export function outlineSpec(slides: OutlineSlide[]): string {
  const lines: string[] = []
  let previous = 0
  let section = 0
  slides.forEach((s, i) => {
    const title = s.title.replace(/[\r\n|]+/g, ' ').trim()
    if (!title)
      return
    const depth = Math.max(1, Math.min(s.level ?? section + 1, previous + 1))
    if (s.level !== undefined)
      section = depth
    lines.push(`${i + 1}|${'-'.repeat(depth - 1)}|${title}`)
    previous = depth
  })
  return lines.join('\n')
}

/** The outline, and the deck's title as the document title. */
export async function addOutline(pdf: Uint8Array, slides: OutlineSlide[], title: string): Promise<Uint8Array> {
  const spec = outlineSpec(slides)
  const doc = await pdfLib.PDFDocument.load(pdf)
  const outlined = spec ? await outlinePdfFactory(pdfLib)({ pdf: doc, outline: spec }) : doc
  if (title)
    outlined.setTitle(title)
  return outlined.save()
}
