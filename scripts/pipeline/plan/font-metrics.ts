/**
 * Advance widths of the bundled Noto Sans SC (regular and bold) for the characters that are not
 * one em wide: Latin, punctuation and symbols. Read from the font files that the deck ships by
 * `npm run metrics` (scripts/metrics.ts), which writes font-metrics.json; a test checks the two agree.
 */
import metrics from './font-metrics.json' with { type: 'json' }
import { charWidth } from '../char-width'
import { inRanges } from '../../core/ranges'

export interface FontMetrics {
  unitsPerEm: number
  /** Code point -> advance width in font units, for regular (400) and bold (700): Noto Sans SC's, then Noto Emoji's for what it lacks. */
  regular: Record<string, number>
  bold: Record<string, number>
  /** The code points the code font (Maple Mono CN) has, as merged ranges; code falls back to the text fonts for others. */
  monoRanges: Array<[number, number]>
  /**
   * What the bundled fonts can draw, exactly (read from the font files: a subset's CSS unicode-range
   * may name characters its file lacks): text (FONTS.sans) and code (FONTS.mono), as merged ranges.
   */
  cover: { sans: Array<[number, number]>, mono: Array<[number, number]> }
}

export const METRICS = metrics as unknown as FontMetrics

/**
 * Inline code inside measured text (`markCode`): between these marks, characters are set in the
 * code font at 0.9 em with 0.375 rem of padding on each side (Slidev's inline code), and a space is
 * CODE_SPACE, so that the code is measured, and wrapped, as one piece.
 */
export const CODE_OPEN = '\u0001'
export const CODE_CLOSE = '\u0002'
export const CODE_SPACE = '\uE000'
/** Inline code's size against the text's, and its padding, px (Slidev: `font-size: 0.9em; px-1.5`). */
const INLINE_CODE_EM = 0.9
const INLINE_CODE_PAD_PX = 12

/** Inline code's value, marked for measuring. */
export const markCode = (value: string) => `${CODE_OPEN}${value.replace(/ /g, CODE_SPACE)}${CODE_CLOSE}`

/** Width of `text` in px at `fontPx`: from the font's advances; characters it does not list are one em (CJK); marked inline code in the code font. */
export function textWidthPx(text: string, fontPx: number, bold = false): number {
  const table = bold ? METRICS.bold : METRICS.regular
  let units = 0
  let px = 0
  let code = false
  for (const ch of text) {
    if (ch === CODE_OPEN || ch === CODE_CLOSE) {
      code = ch === CODE_OPEN
      px += code ? INLINE_CODE_PAD_PX : 0
      continue
    }
    if (code)
      px += (ch === CODE_SPACE ? 1 : codeColumns(ch)) * COLUMN_EM * INLINE_CODE_EM * fontPx
    else
      units += table[ch.codePointAt(0)!] ?? METRICS.unitsPerEm
  }
  return (units / METRICS.unitsPerEm) * fontPx + px
}

/** Columns of the code font (Maple Mono CN: 0.6 em each) that a character takes in code. */
const COLUMN_EM = 0.6

/**
 * How many code columns `text` takes: a glyph of the code font one column (a CJK one two), a
 * character it lacks as wide as the text font draws it (`★` an em: 1.7 columns; an emoji 2.1).
 */
export function codeColumns(text: string): number {
  let cols = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    cols += cp < 0x80 || inRanges(METRICS.monoRanges, cp) ? charWidth(ch) : (METRICS.regular[cp] ?? METRICS.unitsPerEm) / METRICS.unitsPerEm / COLUMN_EM
  }
  return cols
}