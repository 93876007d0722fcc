/**
 * In-page: where an element is on its slide, in the slide's canvas px (a page may draw a slide at
 * any size), and the zoom it is drawn at (CSS `zoom` multiplies down the tree: boxes come zoomed,
 * sizes such as fonts, paddings and borders do not).
 */

/** A slide of the page: its 1-based number and how to place its elements on its canvas. */
export interface SlideFrame {
  no: number
  container: Element
  /** Canvas px per page px. */
  scale: number
  place: (el: Element) => { slide: number, x: number, y: number, w: number, h: number }
}

/** Every slide matching `selector`, in page order. */
export function slideFrames(selector: string, canvasWidth: number): SlideFrame[] {
  return [...document.querySelectorAll(selector)].map((container, i) => {
    const box = container.getBoundingClientRect()
    const scale = box.width ? canvasWidth / box.width : 1
    const place = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { slide: i + 1, x: (r.left - box.left) * scale, y: (r.top - box.top) * scale, w: r.width * scale, h: r.height * scale }
    }
    return { no: i + 1, container, scale, place }
  })
}

/** The zoom `el` is drawn at: its own and every ancestor's up to (not including) `stop`. */
export function zoomOf(el: Element, stop: Element | null = null): number {
  let zoom = 1
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement)
    zoom *= Number(getComputedStyle(e).zoom) || 1
  return zoom
}
