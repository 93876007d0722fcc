/**
 * In-page: characters no bundled font has. Each bundled font comes in subsets whose unicode-range
 * lists exactly the glyphs each one has, so a character outside every range of a stack's families
 * would be drawn in some system font, or as a box (tofu). Also: bundled fonts that failed to load.
 */

type Range = [number, number]

/** The unicode ranges of the faces of `family` the page declares. */
function rangesOf(family: string): Range[] {
  const ranges: Range[] = []
  const name = family.replace(/["']/g, '')
  for (const face of document.fonts) {
    if (face.family.replace(/["']/g, '') !== name)
      continue
    for (const part of face.unicodeRange.split(',')) {
      const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim())
      if (m)
        ranges.push([Number.parseInt(m[1]!.replace(/\?/g, '0'), 16), Number.parseInt((m[2] ?? m[1]!).replace(/\?/g, 'f'), 16)])
    }
  }
  return ranges
}

const covers = (ranges: Range[], ch: string) => {
  const cp = ch.codePointAt(0)!
  return ranges.some(([a, b]) => cp >= a && cp <= b)
}

/** Characters that draw something (not spaces, not controls, not joiners or variation selectors). */
const drawn = (s: string) => [...new Set([...s].filter(c => c.trim() && c.codePointAt(0)! > 0x20 && !/[\u200B-\u200F\uFE00-\uFE0F\u2060]/u.test(c)))]

export interface Glyphs {
  /** Characters of the text no family of its stack has. */
  missing: string[]
  /** A family of the stacks that the page does not declare at all. */
  absent: string[]
}

/**
 * Characters of `root`'s text that none of the families of its stack has: code (pre, code) against
 * `mono`, other text and `extra` (diagram labels) against `sans`.
 */
export function missingGlyphs(root: Element | null, fonts: { sans: readonly string[], mono: readonly string[] }, extra: string[] = []): Glyphs {
  const sans = fonts.sans.map(rangesOf)
  const mono = fonts.mono.map(rangesOf)
  const absent = [...new Set([...fonts.sans, ...fonts.mono])].filter(f => rangesOf(f).length === 0)
  if (!root)
    return { missing: [], absent }
  const code = [...root.querySelectorAll('pre, code')].map(e => e.textContent ?? '').join('')
  const text = [...root.querySelectorAll('*')].filter(e => !e.closest('pre, code'))
    .flatMap(e => [...e.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent ?? ''))
    .join('') + extra.join('')
  const lacks = (stack: Range[][], c: string) => !stack.some(r => covers(r, c))
  return { missing: [...new Set([...drawn(text).filter(c => lacks(sans, c)), ...drawn(code).filter(c => lacks(mono, c))])], absent }
}

/** Bundled font files the page asked for and could not load (a refused request, a broken file). */
export function failedFonts(families: readonly string[]): string[] {
  const ours = new Set(families)
  return [...new Set([...document.fonts].filter(f => f.status === 'error' && ours.has(f.family.replace(/["']/g, ''))).map(f => `${f.family.replace(/["']/g, '')} (${f.unicodeRange.slice(0, 40)})`))]
}
