/**
 * In-page: colours as the page draws them, and the WCAG 2 contrast between them (relative
 * luminance; the ratio of the lighter to the darker).
 */

export interface Rgba { r: number, g: number, b: number, a: number }

/** `rgb(…)` / `rgba(…)` as computed styles give it, or undefined (`none`, a gradient). */
export function rgba(css: string | null | undefined): Rgba | undefined {
  const m = /rgba?\(([^)]+)\)/.exec(css ?? '')
  if (!m)
    return undefined
  const [r = 0, g = 0, b = 0, a = 1] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
  return { r, g, b, a }
}

/** `top` drawn over `below`. */
export const over = (top: Rgba, below: Rgba): Rgba => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 })

const luminance = ({ r, g, b }: Rgba) => [r, g, b].map(v => v / 255).map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0)

export function contrastRatio(x: Rgba, y: Rgba): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** The element's parent, across a shadow root's boundary. */
export const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null)

/** The colour behind an element: its and its ancestors' backgrounds, composited down to an opaque one. */
export function backdrop(el: Element): Rgba {
  const layers: Rgba[] = []
  for (let e: Element | null = el; e; e = parentOf(e)) {
    const c = rgba(getComputedStyle(e).backgroundColor)
    if (c && c.a > 0)
      layers.push(c)
    if (c && c.a >= 1)
      break
  }
  return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 })
}

/** The element's opacity with its ancestors' up to `stop`. */
export function opacity(el: Element, stop: Element): number {
  let o = 1
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement)
    o *= Number(getComputedStyle(e).opacity)
  return o
}

/** WCAG AA: 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold). */
export function contrastNeeded(style: CSSStyleDeclaration): number {
  const px = Number.parseFloat(style.fontSize)
  return px >= 24 || (px >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5
}

export interface ContrastFinding { ratio: number, needs: number, what: string }

/** A contrast finding when `fg` (at the element's opacity below `stop`) on `bg` is below what its text needs. */
export function lowContrast(el: Element, stop: Element, fg: Rgba | undefined, bg: Rgba | undefined, what: string): ContrastFinding | undefined {
  if (!fg || !bg || fg.a === 0)
    return undefined
  const style = getComputedStyle(el)
  const shown = over({ ...fg, a: fg.a * opacity(el, stop) }, bg)
  const r = contrastRatio(shown, bg)
  return r < contrastNeeded(style) ? { ratio: Math.round(r * 100) / 100, needs: contrastNeeded(style), what } : undefined
}
