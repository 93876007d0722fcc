/**
 * In-page: the slide's diagrams (Mermaid draws into shadow roots): whether each was drawn or shows
 * an error instead, labels outside their shapes, and labels too faint for their box.
 */
import { type ContrastFinding, backdrop, lowContrast, over, rgba } from './colour'
import type { Excess } from './geometry'

export interface DiagramState { rendered: boolean, error?: string }

export interface Diagrams {
  diagrams: DiagramState[]
  labels: Excess[]
  contrast: ContrastFinding[]
  /** Every label's text (for the glyph check). */
  texts: string[]
}

/** Mermaid's drawing of an error (a bomb and "Syntax error in text") instead of the diagram. */
const ERROR_DRAWING = '.error-icon, .error-text'

const SHAPES = ':scope > .label-container, :scope > rect, :scope > polygon, :scope > circle, :scope > ellipse, :scope > path.node-bkg, :scope > g > path.node-bkg, :scope > path.basic'

export function measureDiagrams(slide: Element, full: boolean): Diagrams {
  const out: Diagrams = { diagrams: [], labels: [], contrast: [], texts: [] }
  for (const container of slide.querySelectorAll('.nd-diagram')) {
    const host = [...container.querySelectorAll('*')].find(e => e.shadowRoot)
    const svg = host?.shadowRoot?.querySelector('svg')
    const err = container.querySelector('pre')
    // A diagram that failed shows the error in a `pre` (Slidev's renderer) or as Mermaid's error drawing.
    const error = err ? (err.textContent ?? '').slice(0, 200) : svg?.querySelector(ERROR_DRAWING) ? (svg.textContent ?? '').trim().slice(0, 200) : undefined
    out.diagrams.push({ rendered: Boolean(svg) && !error, ...(error ? { error } : {}) })
    if (!svg || error)
      continue
    for (const t of svg.querySelectorAll('foreignObject, text')) {
      const label = (t.textContent ?? '').trim()
      out.texts.push(t.textContent ?? '')
      const isObject = t.tagName.toLowerCase() === 'foreignobject'
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
        const carrier = isObject ? ([...t.querySelectorAll('*')].reverse().find(e => (e.textContent ?? '').trim()) ?? t) : t
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
  }
  return out
}
