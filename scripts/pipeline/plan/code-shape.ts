/**
 * The shape of a code block, as a typesetter would read it: a drawing (box-drawing characters or
 * ASCII art) that must stay whole, or program text with places where it may be broken between
 * statements. Pure.
 */

/** Box drawing, block elements, arrows and geometric shapes used to draw diagrams in text. */
const DRAWING_CHARS = /[\u2190-\u21FF\u2500-\u259F\u25A0-\u25FF\u27F0-\u27FF\u2B00-\u2BFF]/u
/** ASCII art: box corners and edges (`+---+`, `|   |`), arrows (`-->`, `==>`, `<--`), and `v` / `^` under a bar. */
const ASCII_ART = /\+[-=]{2,}|[-=]{2,}\+|[-=]{2,}>|<[-=]{2,}|^\s*[|v^]\s*$|^\s*\|.*\|\s*$/u
/** A row of a Markdown table (`| a | b |`, `| --- | :-: |`): text with pipes, not a picture, even inside code. */
const TABLE_ROW = /^\s*\|(?:[^|\n]*\|){2,}\s*$/u
/** A line that only connects boxes (`│`, `▼`, `|`, `v`, spaces): where a drawing may be cut between two boxes. */
const CONNECTOR_ONLY = /^[\s│┃║|↓⇓▼▽vV↑⇑▲△^]*$/u
/** At least this share of a block's non-blank lines must draw for it to be a drawing. */
const DRAWING_SHARE = 0.4

const draws = (line: string) => DRAWING_CHARS.test(line) || (ASCII_ART.test(line) && !TABLE_ROW.test(line))

/**
 * A diagram in text (box drawing, ASCII boxes and arrows), whose lines must stay as drawn: two or
 * more lines that draw, and a good share of the block. A script with a table or a few arrows in it
 * (a heredoc, a comment) is program text, which may be split and wrapped.
 */
export function isDrawing(value: string): boolean {
  const lines = value.split('\n').filter(l => l.trim())
  const drawing = lines.filter(draws).length
  return lines.length >= 2 && drawing >= 2 && drawing >= DRAWING_SHARE * lines.length
}

/**
 * Where a drawing too tall for a slide may be cut, best first: at a blank line; after a line that
 * only connects the boxes above to those below (`│`, `▼`); then between any two lines.
 */
export function drawingBreakPoints(value: string): number[][] {
  const lines = value.split('\n')
  const levels: number[][] = [[], [], []]
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!
    if (!lines[i]!.trim())
      continue
    levels[!prev.trim() ? 0 : CONNECTOR_ONLY.test(prev) ? 1 : 2]!.push(i)
  }
  return levels
}

const indentOf = (line: string) => line.length - line.trimStart().length
/** A line that continues the statement before it (a closing bracket, `else`, a method chain, a decorator's target). */
const CONTINUES = /^\s*(?:[)\]}]|else\b|elif\b|except\b|catch\b|finally\b|\.\w|&&|\|\||\?|:(?!:))/u
/** A line after which the statement goes on (an open bracket, an operator, a line continuation, a decorator). */
const OPEN_END = /(?:[([{,=+\-*/\\&|]|=>|\bwith|^\s*@.*)$/u

/** A comment line belongs to the statement after it. */
const COMMENT = /^\s*(?:#|\/\/|--|\/\*|\*|<!--|;)/u

/**
 * Where the code may be broken, best first: before line i when the line before is blank and line i
 * is at the block's least indentation (between top-level definitions); then at any blank line; then
 * where line i starts a new statement at the least indentation.
 */
export function breakPoints(value: string): number[][] {
  const lines = value.split('\n')
  const content = lines.filter(l => l.trim())
  const base = content.length ? Math.min(...content.map(indentOf)) : 0
  const levels: number[][] = [[], [], []]
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!
    const prev = lines[i - 1]!
    if (!line.trim())
      continue
    const top = indentOf(line) === base && !CONTINUES.test(line)
    if (!prev.trim())
      levels[top ? 0 : 1]!.push(i)
    else if (top && !OPEN_END.test(prev.trimEnd()) && !COMMENT.test(prev))
      levels[2]!.push(i)
  }
  return levels
}

/**
 * Cuts code into the largest pieces, each at most what `fits`, breaking at the best places first
 * (breakPoints): only a single statement taller than a slide is broken between its lines.
 */
export function codePieces(value: string, fits: (lines: string[]) => boolean, levels = breakPoints(value)): string[][] {
  const lines = value.split('\n')
  const cut = (from: number, to: number, level: number): string[][] => {
    const piece = lines.slice(from, to)
    if (fits(piece) || to - from <= 1)
      return [piece]
    if (level >= levels.length)
      return piece.map(l => [l])
    const inside = levels[level]!.filter(i => i > from && i < to)
    return [from, ...inside].flatMap((start, k) => cut(start, inside[k] ?? to, level + 1))
  }
  return cut(0, lines.length, 0)
}
