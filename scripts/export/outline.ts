/**
 * A PDF outline by section, from the slides' titles and `level`s: the outline Slidev's `--with-toc`
 * makes, for PDFs that notedeck prints itself (the export from a running dev server).
 */
import { outlinePdfFactory } from '@lillallol/outline-pdf'
import type { Deck, DeckSlide } from '../pipeline/types'
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

/** The document's properties of a deck: its title, author, subtitle (the subject) and language. */
export function documentInfo(deck: Deck): DocumentInfo {
  return { title: deck.title, author: deck.author, subject: deck.subtitle, lang: deck.lang }
}

/** A slide's title as its outline entry shows it: with `n/m` on a slide continued over several. */
export const shownTitle = (s: DeckSlide): string => (s.part && s.part.index > 1 ? `${s.title} (${s.part.index}/${s.part.count})` : s.title)

/** The deck's outline entries: each slide's title and level. */
export const outlineOf = (deck: Deck): OutlineSlide[] => deck.slides.map(s => ({ title: shownTitle(s), level: s.level }))

/** Sets the document's properties; a viewer shows the title in its window, not the file name. */
export function setDocumentInfo(doc: pdfLib.PDFDocument, info: DocumentInfo): void {
  if (info.title)
    doc.setTitle(info.title, { showInWindowTitleBar: true })
  if (info.author)
    doc.setAuthor(info.author)
  if (info.subject)
    doc.setSubject(info.subject)
  if (info.lang)
    doc.setLanguage(info.lang)
  doc.setProducer('notedeck')
}

/** The document's properties, from the deck's settings. */
export interface DocumentInfo {
  title: string
  author?: string | undefined
  subject?: string | undefined
  /** BCP 47 tag, the PDF's /Lang. */
  lang?: string | undefined
}

/**
 * The outline, and the document's properties: title (shown by viewers instead of the file name),
 * author, subject, language. The rest of the file, its structure tree (tags) included, is kept.
 */
export async function addOutline(pdf: Uint8Array, slides: OutlineSlide[], info: DocumentInfo): Promise<Uint8Array> {
  const spec = outlineSpec(slides)
  const doc = await pdfLib.PDFDocument.load(pdf, { updateMetadata: false })
  const outlined = spec ? await outlinePdfFactory(pdfLib)({ pdf: doc, outline: spec }) : doc
  setDocumentInfo(outlined, info)
  return outlined.save()
}
