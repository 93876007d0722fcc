/**
 * The layout check: renders every slide of a generated deck in a real Chromium and reports what a
 * speaker would notice: content outside the slide, diagram labels outside their boxes, diagrams
 * that failed, broken images, characters missing from the bundled font, requests leaving the machine.
 */
import { readFile } from 'node:fs/promises'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS } from '../slidev/browser'
import { parseSync } from '@slidev/parser'
import { type ReadyQuery, navReady, slidesPending, slidesReady } from '../page/page-ready'
import { startSlidevServer, withWarmCache } from '../slidev/slidev-server'
import { SLIDEV, slideSelector } from '../slidev/slidev-internals'
import { pageScript } from '../core/paths'

export type FindingKind = 'render' | 'overflow' | 'label' | 'diagram' | 'image' | 'font' | 'network' | 'contrast' | 'mono' | 'sparse'

export interface Finding {
  /** 1-based slide number. */
  slide: number
  /** Line in the notes the slide comes from. */
  line?: number
  kind: FindingKind
  message: string
}

interface Measurement {
  error?: string
  failed?: string
  overflow: Array<{ px: number, what: string }>
  labels: Array<{ px: number, what: string }>
  diagrams: Array<{ rendered: boolean, error?: string }>
  images: string[]
  missing: string[]
  contrast: Array<{ ratio: number, needs: number, what: string }>
  /** The slide's layout class: cover and section slides are not content slides. */
  layout?: string
  /** Union box of the slide's text, images and diagrams, as a share of the slide. */
  coverage?: number
  /** Code blocks whose columns do not line up. */
  mono?: string[]
  /** Height of the content under the title, px. */
  body?: number
}

const FONT = '"Noto Sans SC"'
const MONO_FONT = '"Maple Mono CN"'
/** A content slide whose content covers less than this share of the slide is reported as sparse. */
export const SPARSE_BELOW = 0.2

/** Content slides: what a speaker talks over, i.e. neither the cover nor a section divider. */
export const isContentLayout = (layout: string | undefined) => layout === 'default' || layout === 'other'

/** Measurements of one slide -> findings. Pure. */
export function findingsFor(slide: number, line: number | undefined, m: Measurement): Finding[] {
  const at = { slide, ...(line ? { line } : {}) }
  if (m.error)
    return [{ ...at, kind: 'diagram', message: m.error }]
  return [
    ...(m.failed ? [{ ...at, kind: 'render' as const, message: `the slide did not render: ${m.failed}` }] : []),
    ...m.overflow.slice(0, 1).map(o => ({ ...at, kind: 'overflow' as const, message: `content ${o.px}px outside the slide: ${o.what}` })),
    ...m.labels.map(l => ({ ...at, kind: 'label' as const, message: `diagram label ${l.px}px outside its box: "${l.what}"` })),
    ...m.diagrams.filter(d => !d.rendered).map(d => ({ ...at, kind: 'diagram' as const, message: `diagram did not render${d.error ? `: ${d.error}` : ''}` })),
    ...m.contrast.slice(0, 3).map(c => ({ ...at, kind: 'contrast' as const, message: `text contrast ${c.ratio}:1, needs ${c.needs}:1: "${c.what}"` })),
    ...m.images.map(src => ({ ...at, kind: 'image' as const, message: `broken image: ${src}` })),
    ...(m.mono ?? []).map(what => ({ ...at, kind: 'mono' as const, message: `code columns do not line up: ${what}` })),
    ...(isContentLayout(m.layout) && m.coverage !== undefined && m.coverage < SPARSE_BELOW ? [{ ...at, kind: 'sparse' as const, message: `content covers ${Math.round(m.coverage * 100)}% of the slide (less than ${SPARSE_BELOW * 100}%)` }] : []),
    ...(m.missing.length ? [{ ...at, kind: 'font' as const, message: `characters not in the bundled font (tofu without it): ${m.missing.map(c => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}` }] : []),
  ]
}

export interface CheckOptions {
  slides: string
  browser: string
}

/** Every slide of the file (hand-written extra slides too), with the notes line it came from. */
async function slidesOf(file: string): Promise<Array<{ line: number | undefined, estimated: number | undefined }>> {
  const parsed = parseSync(await readFile(file, 'utf8'), file)
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined)
  return parsed.slides.map(s => ({ line: num(s.frontmatter.notesLine), estimated: num(s.frontmatter.estimatedHeight) }))
}

export interface CheckReport {
  findings: Finding[]
  /** Coverage of every content slide, in slide order. */
  coverage: Array<{ slide: number, coverage: number }>
  /** The planner's height estimate beside the height in the browser, for every slide that has one. */
  heights: Array<{ slide: number, estimated: number, measured: number }>
}

export function checkDeck(opts: CheckOptions): Promise<CheckReport> {
  return withWarmCache(opts.slides, 'dev', () => checkWarm(opts), 180_000)
}

async function checkWarm({ slides, browser: executablePath }: CheckOptions): Promise<CheckReport> {
  const deck = await slidesOf(slides)
  const measure = await readFile(pageScript('check-page.js'), 'utf8')
  const findings: Finding[] = []
  const coverage: CheckReport['coverage'] = []
  const heights: CheckReport['heights'] = []
  // A dev-mode server: the check moves through the slides as a speaker does (Slidev's client
  // exposes its navigation in dev mode only).
  const server = await startSlidevServer(slides, 'dev')
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch(async (e) => {
    await server.close()
    throw e
  })
  try {
    const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
    let current = 1
    page.on('request', (r) => {
      const u = new URL(r.url())
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol))
        findings.push({ slide: current, kind: 'network', message: `request outside this machine: ${r.url()}` })
    })
    await page.goto(`${server.url}/1`, { waitUntil: 'load', timeout: 60_000 })
    await page.waitForFunction(navReady, SLIDEV, { timeout: 60_000 })
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' })
    for (const [i, slide] of deck.entries()) {
      current = i + 1
      await page.evaluate(([n, S]) => (window as unknown as Record<string, { nav: { go: (n: number) => Promise<void> } }>)[S.global]!.nav.go(n), [current, SLIDEV] as const)
      // The wait every export uses, for this one slide.
      const query: ReadyQuery = { selector: slideSelector(current), count: 1, S: SLIDEV }
      await page.waitForFunction(slidesReady(query), undefined, { timeout: 30_000, polling: 50 }).catch(async () => {
        const pending = await page.evaluate(slidesPending, query).catch(() => [])
        findings.push({ slide: current, ...(slide.line ? { line: slide.line } : {}), kind: 'render', message: `the slide did not finish rendering in 30 s${pending.length ? ` (${pending.join('; ').replace(/\bslide 1(?=[ :])/g, 'the slide')})` : ''}` })
      })
      const m = await page.evaluate(`${measure}\nmeasureSlide(${current}, ${JSON.stringify(FONT)}, ${JSON.stringify(MONO_FONT)}, ${JSON.stringify(SLIDEV)})`) as Measurement
      findings.push(...findingsFor(current, slide.line, m))
      if (isContentLayout(m.layout) && m.coverage !== undefined)
        coverage.push({ slide: current, coverage: m.coverage })
      if (slide.estimated && m.body)
        heights.push({ slide: current, estimated: slide.estimated, measured: m.body })
    }
  }
  finally {
    await browser.close()
    await server.close()
  }
  return { findings, coverage, heights }
}
