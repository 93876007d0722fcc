/**
 * Proof that an export printed its own deck: as many pages as the deck has slides, and each page's
 * text holding its slide's title. Another deck, a stale page or blank pages all fail it. Pure,
 * except `pdfPageTexts`, which reads a PDF back (pdf.js, the same text a reader copies).
 */
import type { Deck } from '../pipeline/types'
import { squeeze } from '../pipeline/notes/slide-title'

/** What does not match between the deck and the printed pages' texts, or nothing. Pure. */
export function mismatches(deck: Deck, pages: string[]): string[] {
  const titles = deck.slides.map(s => s.title)
  if (pages.length !== titles.length)
    return [`${pages.length} pages printed, the deck has ${titles.length} slides`]
  const wrong = titles.flatMap((title, i) => title && !squeeze(pages[i] ?? '').includes(squeeze(title)) ? [i + 1] : [])
  if (!wrong.length)
    return []
  const shown = (n: number) => `slide ${n} "${titles[n - 1]}" (page reads "${squeeze(pages[n - 1] ?? '').slice(0, 24) || 'nothing'}")`
  return [`${wrong.length === 1 ? 'a page does' : `${wrong.length} pages do`} not show its slide's title: ${wrong.slice(0, 3).map(shown).join('; ')}${wrong.length > 3 ? '; …' : ''}`]
}

/** The text of every page of a PDF, in page order; `eol` is put where a line ends. */
export async function pdfPageTexts(pdf: Uint8Array, eol = ''): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const texts: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      texts.push(content.items.map(item => ('str' in item ? item.str + (item.hasEOL ? eol : '') : '')).join(''))
    }
    return texts
  }
  finally {
    await doc.destroy()
  }
}
