/**
 * Advance widths of the bundled Noto Sans SC (regular and bold) for the characters that are not
 * one em wide: Latin, punctuation and symbols. Read from the font files that the deck ships by
 * `npm run metrics` (scripts/metrics.ts), which writes font-metrics.json; a test checks the two agree.
 */
import metrics from './font-metrics.json' with { type: 'json' }

export interface FontMetrics {
  unitsPerEm: number
  /** Code point -> advance width in font units, for regular (400) and bold (700). */
  regular: Record<string, number>
  bold: Record<string, number>
}

export const METRICS: FontMetrics = metrics

/** Width of `text` in px at `fontPx`: from the font's advances; characters it does not list are one em (CJK). */
export function textWidthPx(text: string, fontPx: number, bold = false): number {
  const table = bold ? METRICS.bold : METRICS.regular
  let units = 0
  for (const ch of text)
    units += table[ch.codePointAt(0)!] ?? METRICS.unitsPerEm
  return (units / METRICS.unitsPerEm) * fontPx
}
