// What the editable PowerPoint reads from the page (scripts/page/in-page/pptx-tables.ts, pptx-parts.ts), in Chromium on
// hand-made slides: tables (place, columns, rows, spans, runs and rules as drawn, hidden from
// Slidev's exporter and shown again afterwards), zoomed parts at their shown size, labelled figures.
import type { Browser, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageCell, TableQuery } from '../../scripts/page/pptx-types'
import { partsOnPage, showTables, tablesOnPage } from '../../scripts/page/bundle'
import { launchBrowser, resolveBrowser } from '../../scripts/slidev/browser'

let browser: Browser
let page: Page
beforeAll(async () => {
  browser = await launchBrowser(await resolveBrowser())
  page = await browser.newPage({ viewport: { width: 980, height: 1200 } })
}, 60_000)
afterAll(async () => { await browser?.close() })

const query: TableQuery = { slides: '.slide', canvasWidth: 980, mark: 'data-test-hidden' }
const slide = (inner: string) => `<div class="slide" style="position:relative;width:980px;height:552px;margin:0;font:20px sans-serif"><div class="slidev-layout" style="background:#fff">${inner}</div></div>`
const STYLE = '<!doctype html><style>body{margin:0} table{border-collapse:collapse} td,th{padding:6px 8px;line-height:30px} tr{border-bottom:1px solid rgba(156,163,175,.2)}</style>'

describe('partsOnPage', () => {
  it('finds each labelled figure of each slide with its box; unlabelled ones are not figures', async () => {
    await page.setContent(STYLE + slide('<p>text</p>') + slide('<div style="padding:10px 0 0 20px"><div role="img" aria-label=" 时间线：萌芽期 " style="width:300px;height:100px"></div><div role="img" style="width:10px;height:10px"></div></div>'))
    expect(await partsOnPage(page, query)).toEqual({ zooms: [], figures: [{ slide: 2, x: 20, y: 10, w: 300, h: 100, alt: '时间线：萌芽期' }] })
  })
})

describe('tablesOnPage', () => {
  it('reads a table as shown: place, columns, rows, spans, runs, rules; then hides it until shown again', async () => {
    await page.setContent(STYLE + slide('<h1 style="margin:0;height:100px">title</h1>') + slide(`<div style="padding:40px 0 0 48px"><table style="width:600px">
      <thead><tr><th style="width:150px">Term</th><th>Meaning</th><th>Example</th></tr></thead>
      <tbody><tr><td>a</td><td colspan="2">spans <b>two</b> columns<br><code style="font-family:monospace">x = 1</code></td></tr>
      <tr><td style="background:#eef">c</td><td><a href="https://example.com/">link</a></td><td></td></tr></tbody></table>
      <table><caption>with a caption</caption><tr><td>left to Slidev</td></tr></table></div>`))
    const tables = await tablesOnPage(page, query)
    expect(tables).toHaveLength(1)
    const [t] = tables
    expect(t).toMatchObject({ slide: 2, x: 48, y: 40, w: 600, background: { r: 255, g: 255, b: 255, a: 1 } })
    expect(t!.colW.reduce((a, b) => a + b, 0)).toBeCloseTo(600, 0)
    expect(t!.colW).toHaveLength(3)
    expect(t!.colW[0]).toBeCloseTo(150 + 16, 0) // its width and its padding
    expect(t!.rowH).toHaveLength(3)
    expect(t!.rows.map(r => r.map(c => c.runs.map(x => x.text).join('|')))).toEqual([['Term', 'Meaning', 'Example'], ['a', 'spans |two| columns|x = 1'], ['c', 'link', '']])
    const [head, spanned, last] = t!.rows as [PageCell[], PageCell[], PageCell[]]
    expect(head[0]!.runs[0]).toMatchObject({ bold: true, fontSize: 20 })
    expect(spanned[1]).toMatchObject({ colspan: 2, padding: [6, 8, 6, 8], lineHeight: 30 })
    expect(spanned[1]!.runs.map(r => [r.bold, r.breakBefore ?? false])).toEqual([[false, false], [true, false], [false, false], [false, true]])
    expect(spanned[1]!.runs[3]!.fontFamily).toBe('monospace')
    // The rule under each row is the row's; the cell takes it.
    // (a see-through colour read back from a canvas, which keeps it premultiplied: within a few units)
    const rule = spanned[0]!.borders[2]!
    expect(rule.width).toBe(1)
    expect(rule.color.a).toBeCloseTo(0.2, 2)
    ;([['r', 156], ['g', 163], ['b', 175]] as const).forEach(([k, v]) => expect(Math.abs(rule.color[k] - v), k).toBeLessThanOrEqual(3))
    expect(spanned[0]!.borders[0]).toBeNull()
    expect(last[0]!.fill).toMatchObject({ r: 238, g: 238, b: 255, a: 1 })
    expect(last[1]!.runs[0]!.link).toBe('https://example.com/')
    // Hidden from Slidev's exporter (which skips hidden elements) but still taking its place; the captioned table untouched.
    expect(await page.evaluate(() => [...document.querySelectorAll('table')].map(t => getComputedStyle(t).visibility))).toEqual(['hidden', 'visible'])
    await showTables(page, query.mark)
    expect(await page.evaluate(() => [...document.querySelectorAll('table')].map(t => [getComputedStyle(t).visibility, t.getAttribute('style')]))).toEqual([['visible', 'width: 600px;'], ['visible', null]])
  })

  it('measures zoomed tables at the size they are shown, and finds the zoomed parts of each slide', async () => {
    await page.setContent(STYLE + slide('<div style="zoom:1.5;padding:20px"><table><tr><td style="font-size:20px">big</td></tr></table></div>'))
    const [t] = await tablesOnPage(page, query)
    expect(t!.rows[0]![0]).toMatchObject({ padding: [9, 12, 9, 12], lineHeight: 45, runs: [{ text: 'big', fontSize: 30 }] })
    const { zooms } = await partsOnPage(page, query)
    expect(zooms).toEqual([expect.objectContaining({ slide: 1, x: 0, y: 0, zoom: 1.5 })])
    expect(t).toMatchObject({ x: 30, y: 30 })
  })
})
