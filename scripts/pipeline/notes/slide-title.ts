/**
 * The title a hand-written Slidev slide shows: the text of its first heading (an HTML `<h1>`, or a
 * Markdown `# ` line), as a reader sees it; and text squeezed for comparison with what a PDF page
 * says. Pure.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: ' ' }

/** Text for comparison: compatibility forms folded (ligatures, full-width), all white space out. */
export function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200B-\u200D\uFEFF]+/g, '')
}

/** The text of a slide's first heading, as shown. */
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
