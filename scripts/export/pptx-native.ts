/**
 * What notedeck adds to Slidev's editable exporter while it writes the file: tables as PowerPoint
 * tables (rows, columns, cells a viewer can resize, add to and restyle), text of zoomed parts of a
 * slide at the size it is shown (the exporter reads CSS sizes, which CSS `zoom` leaves un-zoomed),
 * and a diagram's picture described by the diagram's text alternative (the exporter names only the
 * CSS that made it a picture).
 * The exporter builds the file with pptxgenjs (`buildPptx`, which takes no hooks), so for the time
 * of one export the presentation class is wrapped: each new slide's text is scaled where it lies in
 * a zoomed part, and before the file is written each slide gets its tables. Pure but for that
 * wrapping, which is undone in `finally`; one export at a time per process.
 */
import type PptxGenJS from 'pptxgenjs'
import type { PageCell, PageFigure, PageRun, PageTable, PageZoom, Rgba } from '../page/pptx-types'

const INCH_PER_PX = 1 / 96
const PT_PER_PX = 0.75

type Slide = ReturnType<PptxGenJS['addSlide']>
type TextRuns = Parameters<Slide['addText']>[0]
type TextOptions = NonNullable<Parameters<Slide['addText']>[1]>
type TableRows = Parameters<Slide['addTable']>[0]
type TableOptions = NonNullable<Parameters<Slide['addTable']>[1]>
type Cell = TableRows[number][number]

const hex = (c: Rgba) => [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join('').toUpperCase()
/** pptxgenjs's transparency (0 opaque .. 100 clear), none for an opaque colour. */
const transparency = (c: Rgba) => c.a >= 1 ? undefined : Math.round((1 - c.a) * 100)
/** `c` painted over the opaque `under`: for what pptxgenjs draws without transparency (table borders). */
export function over(c: Rgba, under: Rgba): string {
  const mix = (a: number, b: number) => a * c.a + b * (1 - c.a)
  return hex({ r: mix(c.r, under.r), g: mix(c.g, under.g), b: mix(c.b, under.b), a: 1 })
}

/** Whether the box `b` of a slide is on slide `slide` and holds the point (canvas px). */
const holds = (b: { slide: number, x: number, y: number, w: number, h: number }, slide: number, x: number, y: number) =>
  b.slide === slide && x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h

/** The zoom of the innermost zoomed part of slide `slide` that holds the point (canvas px); 1 outside them. */
export function zoomAt(zooms: PageZoom[], slide: number, x: number, y: number): number {
  return zooms.findLast(z => holds(z, slide, x, y))?.zoom ?? 1
}

/**
 * Text options (a box's, or one run's) with the sizes the exporter read from CSS `zoom` times
 * larger; its line spacing it measures on the page (zoomed already).
 */
function zoomed<T extends { fontSize?: number | undefined, charSpacing?: number | undefined }>(o: T, zoom: number): T {
  const out = { ...o }
  if (o.fontSize)
    out.fontSize = Math.round(o.fontSize * zoom * 100) / 100
  if (o.charSpacing)
    out.charSpacing = Math.round(o.charSpacing * zoom * 100) / 100
  return out
}

/** A text box's runs and options at `zoom`. */
export function zoomText(text: TextRuns, options: TextOptions | undefined, zoom: number): [TextRuns, TextOptions | undefined] {
  if (zoom === 1)
    return [text, options]
  const runs = Array.isArray(text) ? text.map(r => ({ ...r, ...(r.options ? { options: zoomed(r.options, zoom) } : {}) })) : text
  return [runs, options && zoomed(options, zoom)]
}

/** How much wider a viewer's substitute font may set a line than the deck's own font (a sans serif for Noto Sans: about 10 %). */
const SUBSTITUTE_WIDER = 1.15

/**
 * A one-line text box (the exporter does not wrap those) that would leave the slide if a viewer
 * without the deck's font set it that much wider wraps inside its box instead: its text stays on
 * the slide. With the deck's font it stays one line (the exporter gives it 12 px to spare).
 */
export function keepOnSlide(options: TextOptions, x: number, w: number, canvasWidth: number): TextOptions {
  return options.wrap === false && x + w * SUBSTITUTE_WIDER > canvasWidth ? { ...options, wrap: true } : options
}

/** What the exporter says of a picture it made of an element it could not draw as shapes. */
const RASTER_ALT = /^Rendered as an image because of CSS /

/** The text alternative of the figure of slide `slide` whose box holds the point (canvas px), if any. */
function figureAlt(figures: PageFigure[], slide: number, x: number, y: number): string | undefined {
  return figures.find(f => holds(f, slide, x, y))?.alt
}

const pt = (px: number) => Math.round(px * PT_PER_PX * 100) / 100
const inch = (px: number) => Math.round(px * INCH_PER_PX * 10000) / 10000

function runOf(run: PageRun, lineHeight: number): Cell {
  const transparent = transparency(run.color)
  return {
    text: run.text,
    options: {
      fontFace: run.fontFamily,
      fontSize: pt(run.fontSize),
      color: hex(run.color),
      ...(transparent !== undefined ? { transparency: transparent } : {}),
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italic: true } : {}),
      ...(run.link ? { hyperlink: { url: run.link } } : {}),
      // pptxgenjs sets a run's line spacing in cells too, though its types leave it out there.
      lineSpacing: pt(lineHeight),
    } as NonNullable<Cell['options']>,
  }
}

/** A cell's runs, each line break before a run as a paragraph end after the one before it. */
function cellOf(cell: PageCell, background: Rgba): Cell {
  const runs = cell.runs.map((r, i) => {
    const c = runOf(r, cell.lineHeight)
    if (cell.runs[i + 1]?.breakBefore)
      c.options = { ...c.options, breakLine: true }
    return c
  })
  const fill = transparency(cell.fill) === 100 ? undefined : { color: hex(cell.fill), ...(cell.fill.a < 1 ? { transparency: transparency(cell.fill)! } : {}) }
  const [top, right, bottom, left] = cell.borders.map(b => b ? { type: 'solid' as const, pt: pt(b.width), color: over(b.color, background) } : { type: 'none' as const })
  return {
    text: runs.length ? runs : '',
    options: {
      ...(cell.colspan > 1 ? { colspan: cell.colspan } : {}),
      ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}),
      ...(fill ? { fill } : {}),
      align: cell.align,
      valign: cell.valign,
      border: [top!, right!, bottom!, left!],
      margin: cell.padding.map(inch) as [number, number, number, number],
    },
  }
}

/** A table of the page as pptxgenjs's rows and options: its place, column widths and row heights as shown. */
export function tableOf(t: PageTable): { rows: TableRows, options: TableOptions } {
  return {
    rows: t.rows.map(r => r.map(c => cellOf(c, t.background))),
    options: { x: inch(t.x), y: inch(t.y), w: inch(t.w), h: inch(t.h), colW: t.colW.map(inch), rowH: t.rowH.map(inch), autoPage: false },
  }
}

/** A box the exporter placed (inches, as it gives them to pptxgenjs) in canvas px: its left, width and centre. */
function pxBox(o: { x?: unknown, y?: unknown, w?: unknown, h?: unknown }) {
  const [x, y, w, h] = [o.x, o.y, o.w, o.h].map(v => (typeof v === 'number' ? v : 0) / INCH_PER_PX) as [number, number, number, number]
  return { x, w, cx: x + w / 2, cy: y + h / 2 }
}

/** What the page shows that the exporter does not make as shown (`page/in-page/pptx-tables.ts` and `pptx-parts.ts` read it). */
export interface NativeParts { zooms: PageZoom[], tables: PageTable[], figures: PageFigure[], canvasWidth: number }

let busy: Promise<unknown> = Promise.resolve()

/**
 * Runs `fn` (one run of Slidev's editable exporter) with `Pptx`, the pptxgenjs class it builds
 * with, wrapped: the n-th slide it adds is slide n of `parts`. One such run at a time in this process.
 */
export function withNativeParts<T>(Pptx: typeof PptxGenJS, parts: NativeParts, fn: () => Promise<T>): Promise<T> {
  const run = busy.then(async () => {
    const proto = Pptx.prototype
    const { addSlide, write } = proto
    const slides: Slide[] = []
    proto.addSlide = function (this: PptxGenJS, ...args: unknown[]) {
      const slide = (addSlide as (...a: unknown[]) => Slide).apply(this, args)
      const no = slides.push(slide)
      const addText = slide.addText.bind(slide)
      slide.addText = (text, options) => {
        const { x, w, cx, cy } = pxBox(options ?? {})
        const [runs, zoomedOptions] = zoomText(text, options, zoomAt(parts.zooms, no, cx, cy))
        return addText(runs, zoomedOptions && keepOnSlide(zoomedOptions, x, w, parts.canvasWidth))
      }
      const addImage = slide.addImage.bind(slide)
      slide.addImage = (options) => {
        const { cx, cy } = pxBox(options)
        const alt = options.altText && RASTER_ALT.test(options.altText) ? figureAlt(parts.figures, no, cx, cy) : undefined
        return addImage(alt ? { ...options, altText: alt } : options)
      }
      return slide
    } as PptxGenJS['addSlide']
    proto.write = function (this: PptxGenJS, ...args: Parameters<PptxGenJS['write']>) {
      for (const t of parts.tables) {
        const { rows, options } = tableOf(t)
        slides[t.slide - 1]?.addTable(rows, options)
      }
      return write.apply(this, args)
    }
    try {
      return await fn()
    }
    finally {
      proto.addSlide = addSlide
      proto.write = write
    }
  })
  busy = run.catch(() => {})
  return run
}
