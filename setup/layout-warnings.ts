/**
 * Under `npm run dev` only: the slide on screen is measured as the export measures it before
 * printing (scripts/page/in-page/measure.ts), and what it does not show (content outside the slide
 * or hidden in a box, a character no bundled font has) is named in a small box in the corner of the
 * window, so the author sees it while editing, not first in the PDF. Nothing of it is in an export:
 * it runs only on the play view of a dev server.
 */
import type { Router } from 'vue-router'
import { measureSlide } from '../scripts/page/in-page/measure'
import type { Measurement } from '../scripts/page/measurement'
import { METRICS } from '../scripts/pipeline/plan/font-metrics'
import { CANVAS, COLORS, FONTS } from '../scripts/pipeline/geometry'
import { SLIDEV } from '../scripts/slidev/slidev-internals'

const BOX_ID = 'nd-layout-warning'
/** After the last change to the slide, this long before it is measured (a save redraws it in pieces). */
const SETTLE_MS = 400

/** What the slide does not show, one line each (empty when it shows everything). */
export function warningsOf(m: Measurement): string[] {
  return [
    ...m.overflow.slice(0, 1).map(o => `content ${o.px}px outside the slide: ${o.what}`),
    ...m.clipped.slice(0, 1).map(o => `content ${o.px}px cut off by its box: ${o.what}`),
    ...(m.missing.length ? [`no font has ${m.missing.map(c => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}`] : []),
  ]
}

function show(lines: string[]): void {
  let box = document.getElementById(BOX_ID)
  if (!lines.length) {
    box?.remove()
    return
  }
  if (!box) {
    box = document.createElement('div')
    box.id = BOX_ID
    box.setAttribute('role', 'status')
    box.style.cssText = `position:fixed;left:8px;bottom:8px;z-index:1000;max-width:min(560px,60vw);padding:6px 10px;border-radius:6px;background:${COLORS.warning.bg};opacity:.92;color:${COLORS.warning.fg};font:12px/1.4 system-ui,sans-serif;pointer-events:none;white-space:pre-wrap`
    document.body.appendChild(box)
  }
  const text = `notedeck: this slide does not show all it holds (npm run export would fail):\n${lines.join('\n')}`
  if (box.textContent !== text)
    box.textContent = text
}

/** Measures the slide of the current route whenever it changes and settles, on the play view only. */
export function watchLayout(router: Router): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let run = 0
  const measure = async () => {
    const mine = ++run
    const path = router.currentRoute.value.path
    const no = /^\/(\d+)$/.exec(path)?.[1]
    const slide = no ? document.querySelector(`.${SLIDEV.pageClassPrefix}${no}`) : null
    if (!slide) {
      show([])
      return
    }
    await document.fonts.ready
    const m = await measureSlide(slide, { S: SLIDEV, fonts: FONTS, cover: METRICS.cover, full: false, canvasWidth: CANVAS.width })
    if (mine === run)
      show(warningsOf(m))
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void measure(), SETTLE_MS)
  }
  router.afterEach(later)
  // Changes to the deck (a save, a diagram drawn, a font loaded): not to the box itself.
  new MutationObserver((records) => {
    if (records.some(r => !document.getElementById(BOX_ID)?.contains(r.target)))
      later()
  }).observe(document.body, { childList: true, subtree: true, characterData: true })
  later()
}
