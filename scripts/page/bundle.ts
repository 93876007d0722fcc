/**
 * The code that measures slides inside Chromium and reads what the editable PowerPoint needs
 * (`in-page/`), bundled for the page with esbuild:
 * typed modules on this side, one script on that side, which sets `window.__notedeck`. Built once a
 * process, in memory (about 30 ms), from the sources in scripts/page/in-page/.
 */
import type { Page } from 'playwright-chromium'
import { pageScript } from '../core/paths'
import { CANVAS, FONTS } from '../pipeline/geometry'
import { METRICS } from '../pipeline/plan/font-metrics'
import { SLIDEV } from '../slidev/slidev-internals'
import type { MeasureOptions, Measurement, PageFonts } from './measurement'
import type { NotedeckPage } from './in-page/entry'
import type { PageFigure, PageTable, PageZoom, TableQuery } from './pptx-types'
import type { HandoutLayout } from './handout-types'

let built: Promise<string> | undefined

/** The bundle's source. */
export function pageBundle(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('esbuild')
    const out = await build({ entryPoints: [pageScript('in-page/entry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'error' })
    return out.outputFiles[0]!.text
  })()
  return built
}

/** How the export and the check measure: the bundled font stacks, Slidev's internals; `full` for the check. */
export const measureOptions = (full: boolean): MeasureOptions => ({ S: SLIDEV, fonts: FONTS, cover: METRICS.cover, full, canvasWidth: CANVAS.width })

type Api = { __notedeck?: NotedeckPage }

/** Puts the bundle in the page (once a document: a new load needs it again). */
async function ensure(page: Page): Promise<void> {
  if (await page.evaluate(() => Boolean((window as Api).__notedeck)))
    return
  await page.evaluate(await pageBundle())
}

/** Slide `no` of a page that shows one slide at a time. */
export async function measureSlideNo(page: Page, no: number, opts: MeasureOptions): Promise<Measurement> {
  await ensure(page)
  return page.evaluate(([n, o]) => (window as Api).__notedeck!.measureSlideNo(n, o), [no, opts] as const)
}

/** Every slide of a page that shows them all, one element per slide matching `selector`. */
export async function measureAll(page: Page, selector: string, opts: MeasureOptions): Promise<Measurement[]> {
  await ensure(page)
  return page.evaluate(([s, o]) => (window as Api).__notedeck!.measureAll(s, o), [selector, opts] as const)
}

/** The page's bundled fonts that failed to load, or that it does not declare. */
export async function pageFonts(page: Page, opts: MeasureOptions): Promise<PageFonts> {
  await ensure(page)
  return page.evaluate(o => (window as Api).__notedeck!.pageFonts(o), opts)
}

/** The zoomed parts and the labelled figures of every slide the page shows. */
export async function partsOnPage(page: Page, query: Omit<TableQuery, 'mark'>): Promise<{ zooms: PageZoom[], figures: PageFigure[] }> {
  await ensure(page)
  return page.evaluate(q => (window as Api).__notedeck!.partsOnPage(q), query)
}

/** Every outermost table of every slide, read as shown, then hidden from Slidev's exporter. */
export async function tablesOnPage(page: Page, query: TableQuery): Promise<PageTable[]> {
  await ensure(page)
  return page.evaluate(q => (window as Api).__notedeck!.tablesOnPage(q), query)
}

/** Shows again the tables `tablesOnPage` hid. */
export async function showTables(page: Page, mark: string): Promise<void> {
  await ensure(page)
  await page.evaluate(m => (window as Api).__notedeck!.showTables(m), mark)
}

/** The handout's rows paged onto A4 pages, its notes set in the first of `sizes` that fits (`floorSizes` last). */
export async function layoutHandout(page: Page, sizes: number[], floorSizes: number[]): Promise<HandoutLayout> {
  await ensure(page)
  return page.evaluate(([s, f]) => (window as Api).__notedeck!.layoutHandout(s, f), [sizes, floorSizes] as const)
}
