/**
 * In-page: where a slide's content is. What sticks out of the slide; what a box inside it hides
 * (a code block that scrolls, a card or a table cell whose content is wider or taller than the box
 * that holds it); the share of the slide the content covers; the height of what is under the title.
 */

export interface Excess { px: number, what: string }

/** `<tag class="first-class"> "its text"`, for a message. */
export function describe(el: Element): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)
  const cls = typeof el.className === 'string' && el.className ? ` class="${el.className.split(' ')[0]}"` : ''
  return `<${el.tagName.toLowerCase()}${cls}>${text ? ` "${text}"` : ''}`
}

const clips = (el: Element) => {
  const style = getComputedStyle(el)
  return style.overflowX !== 'visible' || style.overflowY !== 'visible'
}

/** Whether a box between `el` and `layout` clips or scrolls it (then what it hides is `hiddenInBoxes`' to report). */
function insideClippingBox(el: Element, layout: Element): boolean {
  for (let e = el.parentElement; e && e !== layout; e = e.parentElement) {
    if (clips(e))
      return true
  }
  return false
}

/** Elements of the slide that stick out of its box, most first. */
export function outsideSlide(slide: Element, layout: Element | null): Excess[] {
  const box = slide.getBoundingClientRect()
  const out: Excess[] = []
  for (const el of layout?.querySelectorAll('*') ?? []) {
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0 || getComputedStyle(el).position === 'fixed' || insideClippingBox(el, layout!))
      continue
    const px = Math.max(r.right - box.right, r.bottom - box.bottom, box.left - r.left, box.top - r.top)
    if (px > 1)
      out.push({ px: Math.round(px), what: describe(el) })
  }
  return out.sort((a, b) => b.px - a.px)
}

/** Boxes that must show all they hold even where they let it spill: cards, tiles, code, table cells. */
const BOXES = '.nd-card, .nd-agenda li, .nd-refs li, pre, td, th'

/**
 * Content a box of the slide hides or lets spill: a box that clips or scrolls (`overflow` other
 * than visible) whose content is wider or taller than it, and a card, tile, code block or table
 * cell whose content is. A box inside another that hides is named once, by the innermost.
 */
export function hiddenInBoxes(layout: Element | null): Excess[] {
  const found: Array<{ el: Element, px: number }> = []
  for (const el of layout?.querySelectorAll('*') ?? []) {
    const style = getComputedStyle(el)
    if ((!clips(el) && !el.matches(BOXES)) || el.clientWidth === 0 || el.clientHeight === 0 || style.display === 'inline')
      continue
    const px = Math.max(el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight)
    if (px > 2)
      found.push({ el, px })
  }
  return found.filter(f => !found.some(g => g !== f && f.el.contains(g.el)))
    .map(f => ({ px: f.px, what: describe(f.el) }))
    .sort((a, b) => b.px - a.px)
}

/**
 * The union box of the slide's text, pictures, panels and what its diagrams draw (`drawn`: not the
 * diagram's box, which spans the slide), as a share of the slide.
 */
export function coverage(slide: Element, layout: Element | null, drawn: DOMRect[] = []): number {
  const box = slide.getBoundingClientRect()
  if (!layout)
    return 0
  const union = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity }
  const grow = (r: DOMRect) => {
    if (r.width <= 0 || r.height <= 0)
      return
    union.left = Math.min(union.left, Math.max(r.left, box.left))
    union.top = Math.min(union.top, Math.max(r.top, box.top))
    union.right = Math.max(union.right, Math.min(r.right, box.right))
    union.bottom = Math.max(union.bottom, Math.min(r.bottom, box.bottom))
  }
  const walker = document.createTreeWalker(layout, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent?.trim())
      continue
    const range = document.createRange()
    range.selectNodeContents(n)
    for (const r of range.getClientRects())
      grow(r)
  }
  // Boxes that are content too: pictures, code and table panels, cards and tiles, what diagrams draw.
  for (const el of layout.querySelectorAll('img, pre, table, .nd-card, .nd-agenda.tiles li, .nd-refs.tiles li'))
    grow(el.getBoundingClientRect())
  drawn.forEach(grow)
  return union.right > union.left ? Math.round(((union.right - union.left) * (union.bottom - union.top)) / (box.width * box.height) * 1000) / 1000 : 0
}

/** The height of what is under the title (to compare with the planner's estimate), px. */
export function bodyHeight(layout: Element | null): number | undefined {
  if (!layout)
    return undefined
  const parts = [...layout.children].filter(e => !e.matches('h1, .nd-kicker')).flatMap(e => (e.classList.contains('nd-stage') ? [...e.children] : [e]))
  const rects = parts.map(e => e.getBoundingClientRect()).filter(r => r.height > 0)
  return rects.length ? Math.round(Math.max(...rects.map(r => r.bottom)) - Math.min(...rects.map(r => r.top))) : undefined
}
