/**
 * In-page links from the notes (`[MoE架构](#moe架构)`) are written as `<a href="#nd-l42" data-nd-slide="7">`:
 * the printed PDF follows the href to the heading's element; in the browser this takes the link to
 * the slide instead, in both history and hash routing.
 */
import { defineAppSetup } from '@slidev/types'

export default defineAppSetup(({ router }) => {
  if (typeof document === 'undefined')
    return
  // `npm run dev`: what the slide on screen does not show is named over it (setup/layout-warnings.ts).
  if (import.meta.env.DEV)
    void import('./layout-warnings').then(m => m.watchLayout(router))
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-nd-slide]')
    const slide = link?.getAttribute('data-nd-slide')
    if (!slide || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return
    event.preventDefault()
    // Stay in the current view (play, presenter): only the slide number at the end of the path changes.
    const { path, query } = router.currentRoute.value
    void router.push({ path: /\/\d+$/.test(path) ? path.replace(/\/\d+$/, `/${slide}`) : `/${slide}`, query })
  })
})
