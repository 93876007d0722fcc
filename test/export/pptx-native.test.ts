// What notedeck adds to Slidev's editable PowerPoint (scripts/export/pptx-native.ts), without a
// browser: tables of the page as PowerPoint tables, and zoomed text at its shown size, through the
// same pptxgenjs class Slidev's exporter builds its file with; the class is left as it was.
import PptxGenJS from 'pptxgenjs'
import { describe, expect, it } from 'vitest'
import type { PageCell, PageTable, PageZoom, Rgba } from '../../scripts/page/pptx-types'
import { keepOnSlide, over, tableOf, withNativeParts, zoomAt, zoomText } from '../../scripts/export/pptx-native'
import { readPptx } from './pptx-read'

/** A 1×1 PNG. */
const PNG = 'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='
const black: Rgba = { r: 0, g: 0, b: 0, a: 1 }
const white: Rgba = { r: 255, g: 255, b: 255, a: 1 }
const clear: Rgba = { r: 0, g: 0, b: 0, a: 0 }
const cell = (text: string, more: Partial<PageCell> = {}): PageCell => ({
  runs: text ? [{ text, fontFamily: 'Noto Sans SC', fontSize: 20, bold: false, italic: false, color: black }] : [],
  colspan: 1,
  rowspan: 1,
  fill: clear,
  align: 'left',
  valign: 'middle',
  borders: [null, null, { width: 1, color: { r: 156, g: 163, b: 175, a: 0.2 } }, null],
  padding: [6, 8, 6, 8],
  lineHeight: 30,
  ...more,
})
const table: PageTable = {
  slide: 1,
  x: 48,
  y: 96,
  w: 864,
  h: 126,
  colW: [200, 300, 364],
  rowH: [42, 42, 42],
  background: white,
  rows: [
    [cell('组件', { runs: [{ text: '组件', fontFamily: 'Noto Sans SC', fontSize: 20, bold: true, italic: false, color: black }] }), cell('作用'), cell('常见选择')],
    [cell('切分器'), cell('把长文档切成片段', { colspan: 2 })],
    [cell('a', { runs: [
      { text: 'line one', fontFamily: 'Noto Sans SC', fontSize: 20, bold: false, italic: false, color: black },
      { text: 'code', fontFamily: 'Maple Mono CN', fontSize: 18, bold: false, italic: false, color: black, breakBefore: true, link: 'https://example.com/' },
    ] }), cell(''), cell('c')],
  ],
}

describe('PowerPoint tables from the page', () => {
  it('keep the place, columns, rows, spans, runs and look of the table shown', () => {
    const { rows, options } = tableOf(table)
    expect(options).toMatchObject({ x: 0.5, y: 1, w: 9, colW: [200 / 96, 300 / 96, 364 / 96].map(v => Math.round(v * 10000) / 10000), autoPage: false })
    expect(rows.map(r => r.length)).toEqual([3, 2, 3])
    const [head, spanned, multi] = rows as [typeof rows[0], typeof rows[0], typeof rows[0]]
    expect(head[0]!.text).toEqual([expect.objectContaining({ text: '组件', options: expect.objectContaining({ bold: true, fontFace: 'Noto Sans SC', fontSize: 15 }) })])
    expect(spanned[1]!.options).toMatchObject({ colspan: 2 })
    // A rule drawn see-through over white: PowerPoint borders are opaque, so the colour is mixed.
    expect(head[0]!.options!.border).toEqual([{ type: 'none' }, { type: 'none' }, { type: 'solid', pt: 0.75, color: over({ r: 156, g: 163, b: 175, a: 0.2 }, white) }, { type: 'none' }])
    expect(over({ r: 156, g: 163, b: 175, a: 0.2 }, white)).toBe('EBEDEF') // 156·0.2 + 255·0.8 = 235.2 → EB, 163 → 236.6 → ED, 175 → 239 → EF
    expect(head[0]!.options!.margin).toEqual([6, 8, 6, 8].map(v => Math.round(v / 96 * 10000) / 10000))
    expect(head[0]!.options!.fill).toBeUndefined()
    // A line break ends the run before it; a link stays a link; an empty cell stays empty.
    const runs = multi[0]!.text as Array<{ text: string, options: Record<string, unknown> }>
    expect(runs.map(r => [r.text, r.options.breakLine, r.options.fontFace])).toEqual([['line one', true, 'Noto Sans SC'], ['code', undefined, 'Maple Mono CN']])
    expect(runs[1]!.options.hyperlink).toEqual({ url: 'https://example.com/' })
    expect(multi[1]!.text).toBe('')
  })
})

describe('zoomed parts of a slide', () => {
  const zooms: PageZoom[] = [
    { slide: 2, x: 40, y: 80, w: 900, h: 400, zoom: 1.4 },
    { slide: 2, x: 100, y: 100, w: 100, h: 100, zoom: 2 },
  ]
  it('the innermost part holding a point gives its zoom; elsewhere none', () => {
    expect(zoomAt(zooms, 2, 500, 300)).toBe(1.4)
    expect(zoomAt(zooms, 2, 150, 150)).toBe(2)
    expect(zoomAt(zooms, 2, 10, 10)).toBe(1)
    expect(zoomAt(zooms, 1, 500, 300)).toBe(1)
  })
  it('scale the sizes read from CSS, not the line spacing measured on the page', () => {
    const [runs, options] = zoomText([{ text: 'x', options: { fontSize: 15, charSpacing: 1 } }], { fontSize: 15, lineSpacing: 30 }, 1.4)
    expect(runs).toEqual([{ text: 'x', options: { fontSize: 21, charSpacing: 1.4 } }])
    expect(options).toEqual({ fontSize: 21, lineSpacing: 30 })
  })
})

describe('one-line text near the slide\'s right edge', () => {
  it('wraps inside its box where a wider substitute font would carry it off the slide', () => {
    expect(keepOnSlide({ wrap: false }, 48, 880, 980)).toEqual({ wrap: true })
    expect(keepOnSlide({ wrap: false }, 48, 300, 980)).toEqual({ wrap: false })
    expect(keepOnSlide({ wrap: true }, 48, 880, 980)).toEqual({ wrap: true })
  })
})

describe('the exporter\'s pptxgenjs, wrapped for one export', () => {
  it('adds the tables and scales zoomed text, then leaves the class as it was', async () => {
    const { addSlide, write } = PptxGenJS.prototype
    const data = await withNativeParts(PptxGenJS, { zooms: [{ slide: 1, x: 0, y: 300, w: 980, h: 252, zoom: 1.5 }], tables: [table], figures: [{ slide: 1, x: 480, y: 0, w: 400, h: 200, alt: '时间线：萌芽期' }], canvasWidth: 980 }, async () => {
      const pptx = new PptxGenJS()
      const slide = pptx.addSlide()
      slide.addText([{ text: 'above', options: { fontSize: 12 } }], { x: 0.5, y: 0.5, w: 4, h: 0.5 })
      slide.addText([{ text: 'zoomed', options: { fontSize: 12 } }], { x: 0.5, y: 4, w: 4, h: 0.5 })
      slide.addImage({ data: PNG, x: 5.5, y: 0.5, w: 2, h: 1, altText: 'Rendered as an image because of CSS svg' }) // on the figure
      slide.addImage({ data: PNG, x: 0.5, y: 2.5, w: 1, h: 1, altText: 'Rendered as an image because of CSS filter' }) // elsewhere
      slide.addImage({ data: PNG, x: 5.5, y: 0.5, w: 1, h: 1, altText: 'a photo' }) // an image with its own alt
      return await pptx.write({ outputType: 'nodebuffer' }) as Buffer
    })
    expect(PptxGenJS.prototype.addSlide).toBe(addSlide)
    expect(PptxGenJS.prototype.write).toBe(write)
    const deck = await readPptx(data)
    expect(deck.slides[0]!.tables).toEqual([expect.objectContaining({ x: 457200, y: 914400, rows: [['组件', '作用', '常见选择'], ['切分器', '把长文档切成片段', ''], ['line onecode', '', 'c']] })])
    const xml = (await (await import('jszip')).default.loadAsync(data)).file('ppt/slides/slide1.xml')!.async('string')
    expect(await xml).toMatch(/sz="1200"[^>]*>(?:(?!<\/a:r>).)*<a:t>above</s)
    expect(await xml).toMatch(/sz="1800"[^>]*>(?:(?!<\/a:r>).)*<a:t>zoomed</s)
    expect(deck.slides[0]!.pictureAlts).toEqual(['时间线：萌芽期', 'Rendered as an image because of CSS filter', 'a photo'])
  })

  it('leaves the class as it was when the export fails', async () => {
    const { addSlide, write } = PptxGenJS.prototype
    await expect(withNativeParts(PptxGenJS, { zooms: [], tables: [], figures: [], canvasWidth: 980 }, async () => { throw new Error('exporter failed') })).rejects.toThrow('exporter failed')
    expect(PptxGenJS.prototype.addSlide).toBe(addSlide)
    expect(PptxGenJS.prototype.write).toBe(write)
  })
})
