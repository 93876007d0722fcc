/**
 * The speaker notes of a slide as the deck holds them: Markdown, one paragraph a line (list items
 * kept together), every character of HTML escaped and no `--` (they sit in an HTML comment in the
 * slides file, which nothing may close early). The renderer writes them; the handout and the
 * PowerPoint of pictures show the same text. Pure.
 */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function speakerNotesText(lines: string[]): string {
  const isItem = (l: string) => /^\s*(-|\d+\.)\s/.test(l)
  const safe = lines.map(l => escapeHtml(l).replace(/--/g, '&#45;&#45;'))
  return safe.flatMap((l, i) => (i > 0 && !(isItem(l) && isItem(safe[i - 1]!)) ? ['', l] : [l])).join('\n')
}
