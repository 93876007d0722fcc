/**
 * The layout check: renders every slide of a generated deck in a real Chromium and reports what a
 * speaker would notice: content outside the slide, diagram labels outside their boxes, diagrams
 * that failed, broken images, characters missing from the bundled font, requests leaving the machine.
 * A `Checker` keeps one Slidev server and one browser for deck after deck: each deck is written to
 * the server's own slides file, which the server reads again (as `slidev dev` does on a save).
 */
import { readFile } from 'node:fs/promises'
import { type Browser, type Page, chromium } from 'playwright-chromium'
import { NotedeckError } from '../core/errors'
import { type ReadyQuery, navReady, sameSources, shownSources, slidesPending, slidesReady } from '../page/page-ready'
import { CHROMIUM_ARGS } from '../slidev/browser'
import { type PageProblems, watchPage } from '../slidev/page-problems'
import { openDeckHost } from '../slidev/deck-host'
import { slideSources } from '../slidev/slidev-slides'
import type { Deck, DeckSlide } from '../pipeline/types'
import { CANVAS } from '../pipeline/geometry'
import type { SlidevServer } from '../slidev/slidev-server'
import { SLIDEV, slideSelector } from '../slidev/slidev-internals'
import { measureOptions, measureSlideNo } from '../page/bundle'
import { type Finding, findingsFor, isContentLayout } from './findings'

export { type Finding, type FindingKind, SPARSE_BELOW, findingsFor, isContentLayout } from './findings'

/** How long a deck may take to load, and each slide to draw (a slide that does not is a finding). */
const LOAD_MS = 60_000
const SLIDE_MS = 30_000
/** A page that has not started in this long is loaded again (within `LOAD_MS`). */
const ATTEMPT_MS = 15_000

export interface CheckReport {
  findings: Finding[]
  /** Coverage of every content slide, in slide order. */
  coverage: Array<{ slide: number, coverage: number }>
  /** The planner's height estimate beside the height in the browser, for every slide that has one. */
  heights: Array<{ slide: number, estimated: number, measured: number }>
}

export interface Checker {
  /** Checks one generated slides file holding `deck` (any number, one after another). */
  check: (slides: string, deck: Deck) => Promise<CheckReport>
  /** The file the checker's server reads (written beside the deck; `close` removes it), if any. */
  scratch: () => string | undefined
  close: () => Promise<void>
}

/** The deck on `page`, one slide at a time, as a speaker moves through it. */
async function checkShown(page: Page, deck: DeckSlide[], onSlide: (n: number) => void): Promise<CheckReport> {
  const report: CheckReport = { findings: [], coverage: [], heights: [] }
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' })
  for (const [i, slide] of deck.entries()) {
    const current = i + 1
    onSlide(current)
    const at = { slide: current, ...(slide.line ? { line: slide.line } : {}) }
    await page.evaluate(([n, S]) => (window as unknown as Record<string, { nav: { go: (n: number) => Promise<void> } }>)[S.global]!.nav.go(n), [current, SLIDEV] as const)
    // The wait every export uses, for this one slide.
    const query: ReadyQuery = { selector: slideSelector(current), count: 1, S: SLIDEV }
    await page.waitForFunction(slidesReady(query), undefined, { timeout: SLIDE_MS, polling: 50 }).catch(async () => {
      const pending = await page.evaluate(slidesPending, query).catch(() => [])
      report.findings.push({ ...at, kind: 'render', message: `the slide did not finish rendering in ${SLIDE_MS / 1000} s${pending.length ? ` (${pending.join('; ').replace(/\bslide 1(?=[ :])/g, 'the slide')})` : ''}` })
    })
    const m = await measureSlideNo(page, current, measureOptions(true))
    report.findings.push(...findingsFor(current, slide.line, m))
    if (isContentLayout(m.layout) && m.coverage !== undefined)
      report.coverage.push({ slide: current, coverage: m.coverage })
    if (slide.height && m.body)
      report.heights.push({ slide: current, estimated: slide.height, measured: m.body })
  }
  return report
}

/**
 * Loads the deck the server now serves (it has read it: `DeckHost.serve`) on `page`, again until
 * the page shows it.
 */
async function loadDeck(page: Page, server: SlidevServer, slides: string, sources: string[], trouble: PageProblems): Promise<void> {
  const deadline = Date.now() + LOAD_MS
  trouble.clear()
  for (;;) {
    await page.goto(`${server.url}/1`, { waitUntil: 'load', timeout: LOAD_MS })
    const started = await page.waitForFunction(navReady, SLIDEV, { timeout: Math.max(1, Math.min(ATTEMPT_MS, deadline - Date.now())) }).then(() => true, () => false)
    const shown = started ? await page.evaluate(shownSources, SLIDEV) : []
    if (started && sameSources(shown, sources))
      return
    if (!started && Date.now() > deadline)
      throw new NotedeckError('CHECK_FAILED', `the check's page for ${slides} did not start within ${LOAD_MS / 1000} s${trouble.list().map(p => `\n  - ${p}`).join('')}`)
    if (Date.now() > deadline) {
      const first = sources.findIndex((c, i) => shown[i] !== c)
      throw new NotedeckError('CHECK_FAILED', `the check's server did not show ${slides} within ${LOAD_MS / 1000} s: it showed ${shown.length} slides for ${sources.length}, slide ${first + 1} not as written (${JSON.stringify((shown[first] ?? '').slice(0, 80))})`, { hint: 'run the check of these notes alone' })
    }
    await page.goto('about:blank')
    await new Promise(r => setTimeout(r, 100))
  }
}

/**
 * A browser now, a dev-mode server with the first deck (Slidev's client exposes its navigation
 * in dev mode only, so the check moves through the slides as a speaker does).
 */
export async function openChecker(executablePath: string): Promise<Checker> {
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const host = openDeckHost('dev', 'check', 'CHECK_FAILED', LOAD_MS)
  let url: string | undefined
  try {
    const page = await browser.newPage({ viewport: { width: CANVAS.width, height: CANVAS.height } })
    let current = 1
    let outside: Finding[] = []
    const trouble = watchPage(page, () => url)
    page.on('request', (r) => {
      const u = new URL(r.url())
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol))
        outside.push({ slide: current, kind: 'network', message: `request outside this machine: ${r.url()}` })
    })
    const check = async (slides: string, deck: Deck): Promise<CheckReport> => {
      const markdown = await readFile(slides, 'utf8')
      const sources = slideSources(markdown, slides)
      if (sources.length !== deck.slides.length)
        throw new NotedeckError('CHECK_FAILED', `${slides} holds ${sources.length} slides, the deck generated has ${deck.slides.length}`, { hint: 'generate it again (npm run generate)' })
      await page.goto('about:blank')
      const server = await host.serve(slides, markdown)
      url = server.url
      outside = []
      current = 1
      await loadDeck(page, server, slides, sources, trouble)
      const report = await checkShown(page, deck.slides, (n) => { current = n })
      report.findings.push(...outside)
      report.findings.sort((a, b) => a.slide - b.slide)
      return report
    }
    return { check, scratch: host.scratch, close: async () => { await host.close().finally(() => browser.close()) } }
  }
  catch (e) {
    await browser.close()
    throw e
  }
}
