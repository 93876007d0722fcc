/**
 * The one answer to "has the page finished drawing these slides?", shared by every export (PDF,
 * PNG, PPTX, handout, `dev --pdf`) and by the check. It runs inside the browser, polled by
 * Playwright: no fixed sleeps, no waiting for the network to go quiet.
 */
import type { SlidevInternals } from '../slidev/slidev-internals'

/** In-page: Slidev's client has started and exposes its navigation (dev servers: `__DEV__`). */
export function navReady(S: SlidevInternals): boolean {
  return Boolean((window as unknown as Record<string, { nav?: unknown } | undefined>)[S.global]?.nav)
}

/** What to wait for: `count` slide elements matching `selector`. */
export interface ReadyQuery {
  selector: string
  count: number
  S: SlidevInternals
}

/**
 * In-page, self-contained (Playwright sends its source): true once there are exactly `count`
 * slides, each showing its layout (or Slidev's error) with a size, none still loading; every
 * diagram drawn (an SVG in its shadow root, or the fallback text); Mermaid's scratch container
 * empty; every image settled; and the fonts the laid-out page asked for loaded.
 */
export function slidesReady({ selector, count, S }: ReadyQuery): boolean {
  const slides = [...document.querySelectorAll(selector)]
  if (slides.length !== count)
    return false
  for (const slide of slides) {
    if (slide.getBoundingClientRect().width === 0 || slide.querySelector(S.loading) || !slide.querySelector(`${S.layout}, ${S.failed}`))
      return false
    for (const d of slide.querySelectorAll('.nd-diagram')) {
      const drawn = d.querySelector('pre') || [d, ...d.querySelectorAll('*')].some(e => e.shadowRoot?.querySelector('svg'))
      if (!drawn)
        return false
    }
    if (![...slide.querySelectorAll('img')].every(i => i.complete))
      return false
  }
  if (document.querySelector('#mermaid-rendering-container div'))
    return false
  // Reading a size lays the page out, which starts the font loads it needs; then they must be done.
  void document.body.offsetHeight
  return document.fonts.status === 'loaded'
}
