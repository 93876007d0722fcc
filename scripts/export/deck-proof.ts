/**
 * Proof that an export printed its own deck: as many pages as the deck has slides, and each page's
 * text holding its slide's title. Another deck, a stale page or blank pages all fail it. Pure,
 * except `pdfPageTexts`, which reads a PDF back (pdf.js, the same text a reader copies).
 */
import { parseSync } from '@slidev/parser'

/** What a deck must show, slide by slide: its title where it has one. */
export interface DeckShape {
  titles: Array<string | undefined>
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: ' ' }

/** Text for comparison: compatibility forms folded (ligatures, full-width), all white space out. */
export function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200B-\u200D\uFEFF]+/g, '')
}

/** The text of a slide's first heading (an HTML `<h1>`, or a Markdown `# ` line), as shown. */
export function titleOf(content: string): string | undefined {
  const html = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(content)
  const md = /^#[ \t]+(.+)$/m.exec(content)
  const fromMarkdown = md !== null && (html === null || md.index < html.index)
  const raw = fromMarkdown ? md[1]! : html?.[1]
  if (raw === undefined)
    return undefined
  // Markdown marks are marks in a `# ` line only; in HTML they are the title's own characters.
  const text = (fromMarkdown ? raw.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '') : raw)
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) => e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(Number.parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m)
  return squeeze(text) ? text.trim() : undefined
}

/** The shape of slides already parsed (Slidev's parser). */
export function shapeOf(slides: ReadonlyArray<{ content: string }>): DeckShape {
  return { titles: slides.map(s => titleOf(s.content)) }
}

export function deckShape(slidesMarkdown: string): DeckShape {
  return shapeOf(parseSync(slidesMarkdown, 'slides.md').slides)
}

/** What does not match between the deck and the printed pages' texts, or nothing. Pure. */
export function mismatches(deck: DeckShape, pages: string[]): string[] {
  if (pages.length !== deck.titles.length)
    return [`${pages.length} pages printed, the deck has ${deck.titles.length} slides`]
  const wrong = deck.titles.flatMap((title, i) => title && !squeeze(pages[i] ?? '').includes(squeeze(title)) ? [i + 1] : [])
  if (!wrong.length)
    return []
  const shown = (n: number) => `slide ${n} "${deck.titles[n - 1]}" (page reads "${squeeze(pages[n - 1] ?? '').slice(0, 24) || 'nothing'}")`
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
