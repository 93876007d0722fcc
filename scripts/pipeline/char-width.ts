/**
 * The display width of text: a CJK character (or an emoji) counts 2 columns, other characters 1.
 * Imports nothing: the page imports it too (through the font metrics), where every package it
 * named would be one Vite discovers late and reloads the page for.
 */

/** Code point ranges drawn two columns wide: CJK, Hangul, full-width forms, emoji. */
const WIDE_RANGES: Array<[number, number]> = [
  [0x1100, 0x115F], [0x2E80, 0xA4CF], [0xAC00, 0xD7A3], [0xF900, 0xFAFF], [0xFE30, 0xFE4F],
  [0xFF00, 0xFF60], [0xFFE0, 0xFFE6], [0x1F300, 0x1FAFF], [0x20000, 0x3FFFD],
]

export function isWide(cp: number): boolean {
  if (cp < 0x1100)
    return false
  for (const [a, b] of WIDE_RANGES) {
    if (cp >= a && cp <= b)
      return true
  }
  return false
}

export function charWidth(ch: string): 1 | 2 {
  return isWide(ch.codePointAt(0) ?? 0) ? 2 : 1
}

export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text)
    w += charWidth(ch)
  return w
}

