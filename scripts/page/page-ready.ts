/**
 * The one answer to "has the page finished drawing these slides?", shared by every export (PDF,
 * PNG, PPTX, handout, `dev --pdf`) and by the check. It runs inside the browser, polled by
 * Playwright: no fixed sleeps, no waiting for the network to go quiet. When the answer stays no,
 * the same function says what is still missing.
 */
import type { SlidevInternals } from '../slidev/slidev-internals'

/** In-page: Slidev's client has started and exposes its navigation (dev servers: `__DEV__`). */
export function navReady(S: SlidevInternals): boolean {
  return Boolean((window as unknown as Record<string, { nav?: unknown } | undefined>)[S.global]?.nav)
}

/** In-page: the slide sources a dev server's client reports it has, trimmed (none before it starts). */
export function shownSources(S: SlidevInternals): string[] {
  const nav = (window as unknown as Record<string, { nav?: { slides?: Array<{ meta?: { slide?: { content?: string } } }> } } | undefined>)[S.global]?.nav
  return nav?.slides?.map(r => (r.meta?.slide?.content ?? '').trim()) ?? []
}

/** Whether the page showed exactly these sources (`shownSources`): its server has caught up with the latest write. */
export const sameSources = (shown: string[], want: string[]) => shown.length === want.length && shown.every((c, i) => c === want[i])

/** What to wait for: `count` slide elements matching `selector`. */
export interface ReadyQuery {
  selector: string
  count: number
  S: SlidevInternals
}

/**
 * In-page, self-contained (Playwright sends its source): what keeps the page from being finished,
 * none once there are exactly `count` slides, each showing its layout (or Slidev's error) with a
 * size, none still loading; every diagram drawn (an SVG in its shadow root, or the fallback text);
 * Mermaid's scratch container empty; every image settled; and the fonts the laid-out page asked
 * for loaded. Slides are named by their place on the page, from 1.
 */
export function slidesPending({ selector, count, S }: ReadyQuery): string[] {
  const slides = [...document.querySelectorAll(selector)]
  if (slides.length !== count)
    return [`${slides.length} of ${count} slides on the page`]
  const pending: string[] = []
  for (const [i, slide] of slides.entries()) {
    const no = `slide ${i + 1}`
    if (slide.getBoundingClientRect().width === 0)
      pending.push(`${no} has no size`)
    else if (slide.querySelector(S.loading) || !slide.querySelector(`${S.layout}, ${S.failed}`))
      pending.push(`${no} is still loading`)
    const undrawn = [...slide.querySelectorAll('.nd-diagram')].filter(d => !(d.querySelector('pre') || [d, ...d.querySelectorAll('*')].some(e => e.shadowRoot?.querySelector('svg'))))
    if (undrawn.length)
      pending.push(`${no}: ${undrawn.length} diagram(s) not drawn`)
    const images = [...slide.querySelectorAll('img')].filter(img => !img.complete)
    if (images.length)
      pending.push(`${no}: image ${images[0]!.getAttribute('src') ?? ''} still loading`)
  }
  if (document.querySelector('#mermaid-rendering-container div'))
    pending.push('Mermaid is still drawing')
  // Reading a size lays the page out, which starts the font loads it needs; then they must be done.
  void document.body.offsetHeight
  if (document.fonts.status !== 'loaded') {
    const loading = [...document.fonts].filter(f => f.status === 'loading').map(f => f.family.replace(/"/g, ''))
    pending.push(`fonts still loading${loading.length ? ` (${[...new Set(loading)].join(', ')})` : ''}`)
  }
  return pending
}

/** The expression Playwright polls until the page is finished (`slidesPending` says nothing). */
export function slidesReady(q: ReadyQuery): string {
  return `(${slidesPending.toString()})(${JSON.stringify(q)}).length === 0`
}
