/**
 * What Mermaid drew, measured and fitted to its slide: the box of what it draws (a timeline's
 * overlong lines trimmed first), its smallest label, and the SVG sized to the room the planner left.
 */
import { BODY_W, diagramMaxWidthPx } from '../scripts/pipeline/geometry'

/** Room around what a diagram draws, in its own units: a share of its size, and a few units at least. */
const MARGIN_SHARE = 0.02
const MARGIN_MIN = 4
/** Used when a diagram has no text label to measure. */
const LABEL_DEFAULT = 16

/** What a drawn diagram measures: the box of what it draws (its viewBox, with a margin) and its smallest label, in its own units. */
export interface Drawn { box: [number, number, number, number], smallestLabel: number }

/** How far a timeline's dashed lines reach below its lowest event, in its own units (Mermaid draws them far longer). */
const TIMELINE_TAIL = 24

/**
 * Mermaid's timeline draws each period's dashed line far below its events, and its axis far to the
 * left and right of its periods, which makes the drawing larger than what it shows and so smaller on
 * a slide: the lines end a little below the lowest event, the axis a little beyond the periods.
 */
function trimTimeline(el: SVGSVGElement): void {
  const boxes = (selector: string) => [...el.querySelectorAll<SVGGraphicsElement>(selector)].map(g => g.getBoundingClientRect())
  const events = boxes('.eventWrapper')
  const periods = boxes('.taskWrapper')
  if (!periods.length)
    return
  // Measured on the page, then taken back into each line's own units.
  const lowest = Math.max(...[...events, ...periods].map(b => b.bottom))
  const [left, right] = [Math.min(...periods.map(b => b.left)), Math.max(...periods.map(b => b.right))]
  const round = (n: number) => String(Math.round(n * 100) / 100)
  for (const line of el.querySelectorAll<SVGLineElement>('.lineWrapper line')) {
    const ctm = line.getScreenCTM()
    if (!ctm)
      continue
    const local = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(ctm.inverse())
    const [x1, y1, x2, y2] = [line.x1, line.y1, line.x2, line.y2].map(v => v.baseVal.value) as [number, number, number, number]
    if (x1 === x2 && y2 > y1) {
      const end = local(0, lowest + TIMELINE_TAIL * ctm.d).y
      if (y2 > end)
        line.setAttribute('y2', round(end))
    }
    else if (y1 === y2 && x2 > x1) {
      line.setAttribute('x1', round(Math.max(x1, local(left - TIMELINE_TAIL * ctm.a, 0).x)))
      line.setAttribute('x2', round(Math.min(x2, local(right + 2 * TIMELINE_TAIL * ctm.a, 0).x)))
    }
  }
}

/** Lays `svg` out off-screen for a moment: a timeline's lines trimmed (`trimTimeline`), what it draws measured. */
export function measureDrawn(svg: string): { svg: string, drawn?: Drawn } {
  const host = document.createElement('div')
  host.style.cssText = 'position:absolute;left:-100000px;top:0;width:4000px;visibility:hidden'
  host.innerHTML = svg
  document.body.appendChild(host)
  try {
    const el = host.querySelector('svg')
    if (el?.getAttribute('aria-roledescription') === 'timeline') {
      trimTimeline(el)
      svg = el.outerHTML
    }
    const drawn = el ? measure(el) : undefined
    return { svg, ...(drawn ? { drawn } : {}) }
  }
  finally {
    host.remove()
  }
}

/** What `el` (laid out) draws: its box with a margin, its smallest label. */
function measure(el: SVGSVGElement): Drawn | undefined {
  {
    const box = el.getBBox()
    if (!(box.width > 0) || !(box.height > 0))
      return undefined
    const m = Math.max(MARGIN_MIN, MARGIN_SHARE * Math.max(box.width, box.height))
    // Font sizes inside an SVG (and its foreignObject labels) are in its own units.
    const sizes = [...el.querySelectorAll('text, foreignObject')].filter(t => (t.textContent ?? '').trim()).map((t) => {
      const carrier = t.tagName.toLowerCase() === 'foreignobject' ? ([...t.querySelectorAll('*')].reverse().find(e => (e.textContent ?? '').trim()) ?? t) : t
      return Number.parseFloat(getComputedStyle(carrier).fontSize)
    }).filter(n => n > 0)
    return { box: [box.x - m, box.y - m, box.width + 2 * m, box.height + 2 * m], smallestLabel: sizes.length ? Math.min(...sizes) : LABEL_DEFAULT }
  }
}

/** The width the drawing of `box` is shown at in the room: the body's width, or less to keep under the height and area it may take. */
const shownWidth = (box: Drawn['box'], maxHeight: number) => Math.min(BODY_W, diagramMaxWidthPx(box[2], box[3], maxHeight))

/** How large the smallest label of `drawn` is on the canvas once fitted to the room. */
export const labelPx = (drawn: Drawn, maxHeight: number) => drawn.smallestLabel * shownWidth(drawn.box, maxHeight) / drawn.box[2]

/**
 * Slidev shows the diagram in a shadow root, out of reach of the deck's CSS. The viewBox is the box
 * of what the diagram draws (Mermaid's timeline leaves it far wider than the drawing), and the
 * drawing fills the slide's width, up to the height the planner left it and the area an editable
 * PowerPoint allows a picture (`diagramMaxWidthPx`), centred. The SVG's box is its drawing, no
 * wider: an editable PowerPoint takes the box as the diagram's picture.
 */
export function fitToBox(svg: string, drawn: Drawn | undefined, maxHeight: number): string {
  const fitted = drawn ? svg.replace(/^(<svg[^>]*?\s)viewBox="[^"]*"/, `$1viewBox="${drawn.box.map(n => Math.round(n * 100) / 100).join(' ')}"`) : svg
  const box = /^<svg[^>]*?\sviewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/.exec(fitted)
  const widest = box ? diagramMaxWidthPx(Number(box[1]), Number(box[2]), maxHeight) : undefined
  const size = box && widest ? `max-width: min(100%, ${widest}px); aspect-ratio: ${box[1]} / ${box[2]}` : 'max-width: 100%'
  return fitted.replace(/^<svg([^>]*?)\sstyle="[^"]*"/, `<svg$1 style="${size}; height: auto; display: block; margin: 0 auto"`)
    .replace(/^<svg([^>]*?)\swidth="[^"]*"/, '<svg$1 width="100%"')
}

