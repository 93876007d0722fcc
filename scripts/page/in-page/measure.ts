/** In-page: one slide measured as a speaker would look at it (what sticks out, what is hidden, what failed). */
import type { MeasureOptions, Measurement, PageFonts } from '../measurement'
import { backdrop, lowContrast, rgba } from './colour'
import { bodyHeight, coverage, hiddenInBoxes, outsideSlide } from './geometry'
import { absentFonts, failedFonts, missingGlyphs } from './glyphs'
import { measureDiagrams } from './diagrams'
import { misalignedCode } from './mono'

/** Text of the slide itself (not the diagrams') too faint for what is behind it. */
function textContrast(slide: Element, layout: Element | null): Measurement['contrast'] {
  const out: Measurement['contrast'] = []
  for (const el of layout?.querySelectorAll('*') ?? []) {
    const own = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()).map(n => n.textContent!.trim()).join(' ')
    if (!own || el.getBoundingClientRect().width === 0 || getComputedStyle(el).visibility === 'hidden')
      continue
    const low = lowContrast(el, slide, rgba(getComputedStyle(el).color), backdrop(el), own.slice(0, 40))
    if (low)
      out.push(low)
  }
  return out
}

/** One slide's element (`.slidev-page-N`, or a print container holding one). */
export async function measureSlide(slide: Element, opts: MeasureOptions): Promise<Measurement> {
  const { S } = opts
  const layout = slide.querySelector(S.layout)
  // Slidev shows its error instead of the slide's layout (directly in a slide of a dev page).
  const failed = slide.querySelector(`:scope > ${S.failed}`) ?? (layout ? null : slide.querySelector(S.failed))
  const perPx = opts.canvasWidth / (slide.getBoundingClientRect().width || opts.canvasWidth)
  const drawn = measureDiagrams(slide, opts.full, perPx)
  const missing = missingGlyphs(layout, opts.cover, drawn.texts)
  const body = bodyHeight(layout)
  return {
    ...(failed ? { failed: (failed.textContent ?? '').trim() } : {}),
    overflow: outsideSlide(slide, layout).slice(0, 5),
    clipped: hiddenInBoxes(layout).slice(0, 5),
    labels: drawn.labels,
    diagrams: drawn.diagrams,
    images: [...slide.querySelectorAll('img')].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src') ?? ''),
    missing,
    contrast: opts.full ? [...drawn.contrast, ...textContrast(slide, layout)] : [],
    layout: layout ? ['cover', 'section', 'default'].find(c => layout.classList.contains(c)) ?? 'other' : 'none',
    coverage: coverage(slide, layout, drawn.boxes),
    ...(opts.full ? { mono: await misalignedCode(slide) } : {}),
    ...(body !== undefined ? { body } : {}),
  }
}

/** Slide `no` of a page that shows one slide at a time (a dev server's). */
export async function measureSlideNo(no: number, opts: MeasureOptions): Promise<Measurement> {
  const slide = document.querySelector(`.${opts.S.pageClassPrefix}${no}`)
  return slide ? measureSlide(slide, opts) : { error: `slide ${no} is not in the page`, overflow: [], clipped: [], labels: [], diagrams: [], images: [], missing: [], contrast: [] }
}

/** Every slide of a page that shows them all (`selector`: one element per slide, in order). */
export async function measureAll(selector: string, opts: MeasureOptions): Promise<Measurement[]> {
  const out: Measurement[] = []
  for (const el of document.querySelectorAll(selector))
    out.push(await measureSlide(el, opts))
  return out
}

/** The page's bundled fonts: files that failed to load, families it does not declare. */
export function pageFonts(opts: MeasureOptions): PageFonts {
  const families = [...new Set([...opts.fonts.sans, ...opts.fonts.mono])]
  return { failed: failedFonts(families), absent: absentFonts(families) }
}

