/**
 * In-page: the slide's diagrams (Mermaid draws into shadow roots): whether each was drawn or shows
 * an error instead, labels outside their shapes, and labels too faint for their box.
 */
import { type ContrastFinding, backdrop, lowContrast, over, rgba } from './colour'
import type { Excess } from './geometry'
import type { DiagramMeasure } from '../measurement'

export interface Diagrams {
  diagrams: DiagramMeasure[]
  /** What each drawn diagram draws, as boxes on the page (for the slide's coverage). */
  boxes: DOMRect[]
  labels: Excess[]
  contrast: ContrastFinding[]
  /** Every label's text (for the glyph check). */
  texts: string[]
}

/** Mermaid's drawing of an error (a bomb and "Syntax error in text") instead of the diagram. */
const ERROR_DRAWING = '.error-icon, .error-text'

const SHAPES = ':scope > .label-container, :scope > rect, :scope > polygon, :scope > circle, :scope > ellipse, :scope > path.node-bkg, :scope > g > path.node-bkg, :scope > path.basic'

/** Elements of a Mermaid SVG that draw nothing themselves. */
const NOT_DRAWN = new Set(['style', 'defs', 'marker', 'title', 'desc'])

/** The box of what `svg` draws, on the page: its drawn children's boxes together. */
function drawnBox(svg: SVGSVGElement): DOMRect | undefined {
  // A line is drawn with no width or no height: a box with either counts.
  const rects = [...svg.children].filter(c => !NOT_DRAWN.has(c.tagName.toLowerCase())).map(c => c.getBoundingClientRect()).filter(r => r.width > 0 || r.height > 0)
  if (!rects.length)
    return undefined
  const left = Math.min(...rects.map(r => r.left))
  const top = Math.min(...rects.map(r => r.top))
  return new DOMRect(left, top, Math.max(...rects.map(r => r.right)) - left, Math.max(...rects.map(r => r.bottom)) - top)
}

/** Page px per user unit of `svg` (its drawn width over its viewBox's). */
function svgScale(svg: SVGSVGElement): number {
  const vb = svg.viewBox.baseVal
  return vb && vb.width > 0 ? svg.getBoundingClientRect().width / vb.width : 1
}

/**
 * The slide's diagrams; sizes in canvas px (`perPx`: canvas px per page px, for a slide drawn at
 * another size).
 */
export function measureDiagrams(slide: Element, full: boolean, perPx = 1): Diagrams {
  const out: Diagrams = { diagrams: [], boxes: [], labels: [], contrast: [], texts: [] }
  for (const container of slide.querySelectorAll('.nd-diagram')) {
    const host = [...container.querySelectorAll('*')].find(e => e.shadowRoot)
    const svg = host?.shadowRoot?.querySelector('svg')
    const err = container.querySelector('pre')
    // A diagram that failed shows the error in a `pre` (Slidev's renderer) or as Mermaid's error drawing.
    const error = err ? (err.textContent ?? '').slice(0, 200) : svg?.querySelector(ERROR_DRAWING) ? (svg.textContent ?? '').trim().slice(0, 200) : undefined
    if (!svg || error) {
      out.diagrams.push({ rendered: false, ...(error ? { error } : {}) })
      continue
    }
    const box = drawnBox(svg)
    if (box)
      out.boxes.push(box)
    const scale = svgScale(svg)
    let smallest = Infinity
    for (const t of svg.querySelectorAll('foreignObject, text')) {
      const label = (t.textContent ?? '').trim()
      out.texts.push(t.textContent ?? '')
      const isObject = t.tagName.toLowerCase() === 'foreignobject'
      const carrier = isObject ? ([...t.querySelectorAll('*')].reverse().find(e => (e.textContent ?? '').trim()) ?? t) : t
      if (label)
        smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(carrier).fontSize) * scale * perPx)
      const range = document.createRange()
      range.selectNodeContents(isObject ? (t.firstElementChild ?? t) : t)
      const tr = range.getBoundingClientRect()
      if (!tr.width || !label)
        continue
      let g: Element | null = t.parentElement
      let shape: Element | undefined
      while (g && g !== svg && !shape) {
        shape = [...g.querySelectorAll(SHAPES)].find((s) => { const r = s.getBoundingClientRect(); return !s.contains(t) && r.width > 1 && r.height > 1 })
        g = g.parentElement
      }
      if (!shape)
        continue
      if (full) {
        const fill = rgba(getComputedStyle(shape).fill)
        const fg = rgba(carrier === t && !isObject ? getComputedStyle(t).fill : getComputedStyle(carrier).color)
        const low = fill && host && lowContrast(carrier, slide, fg, over({ ...fill, a: fill.a * Number(getComputedStyle(shape).fillOpacity || 1) }, backdrop(host)), label.slice(0, 40))
        if (low)
          out.contrast.push(low)
      }
      const sr = shape.getBoundingClientRect()
      const px = Math.max(tr.right - sr.right, tr.bottom - sr.bottom, sr.left - tr.left, sr.top - tr.top)
      if (px > 2)
        out.labels.push({ px: Math.round(px), what: label.slice(0, 40) })
    }
    out.diagrams.push({
      rendered: true,
      ...(box ? { drawn: { width: Math.round(box.width * perPx), height: Math.round(box.height * perPx) } } : {}),
      ...(Number.isFinite(smallest) ? { smallestLabel: Math.round(smallest * 10) / 10 } : {}),
    })
  }
  return out
}
