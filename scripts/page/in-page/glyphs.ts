/**
 * In-page: characters no bundled font has, which would be drawn in some system font, or as a box
 * (tofu); what each font stack can draw comes from the font files (METRICS.cover: a subset's CSS
 * unicode-range may name characters its file lacks). Also: bundled fonts that failed to load, or
 * that the page does not declare at all.
 */
import type { MeasureOptions } from '../measurement'
import { type CodeRanges, inRanges } from '../../core/ranges'

/** Characters that draw something (not spaces, not controls, not joiners or variation selectors). */
const drawn = (s: string) => [...new Set([...s].filter(c => c.trim() && c.codePointAt(0)! > 0x20 && !/[\u200B-\u200F\uFE00-\uFE0F\u2060]/u.test(c)))]

/**
 * Characters of `root`'s text that its font stack cannot draw: code (pre, code) against the code
 * stack, other text and `extra` (diagram labels) against the text stack.
 */
export function missingGlyphs(root: Element | null, cover: MeasureOptions['cover'], extra: string[] = []): string[] {
  if (!root)
    return []
  const code = [...root.querySelectorAll('pre, code')].map(e => e.textContent ?? '').join('')
  const text = [...root.querySelectorAll('*')].filter(e => !e.closest('pre, code'))
    .flatMap(e => [...e.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent ?? ''))
    .join('') + extra.join('')
  const lacks = (ranges: CodeRanges) => (c: string) => !inRanges(ranges, c.codePointAt(0)!)
  return [...new Set([...drawn(text).filter(lacks(cover.sans)), ...drawn(code).filter(lacks(cover.mono))])]
}

const family = (f: FontFace) => f.family.replace(/["']/g, '')

/** Bundled font files the page asked for and could not load (a refused request, a broken file). */
export function failedFonts(families: readonly string[]): string[] {
  const ours = new Set(families)
  return [...new Set([...document.fonts].filter(f => f.status === 'error' && ours.has(family(f))).map(f => `${family(f)} (${f.unicodeRange.slice(0, 40)})`))]
}

/** Bundled families the page does not declare at all (its styles did not load). */
export function absentFonts(families: readonly string[]): string[] {
  const declared = new Set([...document.fonts].map(family))
  return families.filter(f => !declared.has(f))
}
