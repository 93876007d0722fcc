/**
 * In-page: the parts of each slide the editable PowerPoint places itself: the zoomed parts (the
 * planner's fill; Slidev's exporter reads sizes un-zoomed) and the figures (`role="img"` with a
 * label: diagrams), with their text alternatives. Boxes in the slide's canvas px.
 */
import type { PageFigure, PageZoom, TableQuery } from '../pptx-types'
import { slideFrames, zoomOf } from './slide-frame'

export function partsOnPage({ slides, canvasWidth }: Omit<TableQuery, 'mark'>): { zooms: PageZoom[], figures: PageFigure[] } {
  const zooms: PageZoom[] = []
  const figures: PageFigure[] = []
  for (const { container, place } of slideFrames(slides, canvasWidth)) {
    container.querySelectorAll('*').forEach((el) => {
      const own = Number(getComputedStyle(el).zoom)
      if (own && own !== 1)
        zooms.push({ ...place(el), zoom: zoomOf(el, container) })
      const alt = el.getAttribute('role') === 'img' ? el.getAttribute('aria-label')?.trim() : undefined
      const at = alt ? place(el) : undefined
      if (alt && at?.w && at.h)
        figures.push({ ...at, alt })
    })
  }
  return { zooms, figures }
}
