/**
 * What the editable PowerPoint reads from the print page beside Slidev's exporter (read in the
 * page by in-page/pptx-tables.ts and in-page/pptx-parts.ts, through page/bundle.ts): the tables,
 * which it makes real tables (rows, columns, cells) instead of the text boxes and lines the exporter
 * would draw; the zoomed parts of slides; the figures with their text alternatives, which the
 * exporter's pictures of them lack.
 */

/** A colour as the page draws it: red, green, blue 0-255 and alpha 0-1. */
export interface Rgba { r: number, g: number, b: number, a: number }

/** One run of a cell's text, in one style. `breakBefore`: starts a new line (a `<br>` or a new block). */
export interface PageRun {
  text: string
  fontFamily: string
  /** CSS px */
  fontSize: number
  bold: boolean
  italic: boolean
  color: Rgba
  link?: string
  breakBefore?: boolean
}

/** One side of a cell's border; none when it is not drawn. */
export interface PageEdge { width: number, color: Rgba }

export interface PageCell {
  runs: PageRun[]
  colspan: number
  rowspan: number
  fill: Rgba
  align: 'left' | 'center' | 'right'
  valign: 'top' | 'middle' | 'bottom'
  /** top, right, bottom, left */
  borders: Array<PageEdge | null>
  /** top, right, bottom, left; CSS px */
  padding: number[]
  /** CSS px */
  lineHeight: number
}

/** A table on slide `slide` (from 1, in page order); lengths in the slide's CSS px. */
export interface PageTable {
  slide: number
  x: number
  y: number
  w: number
  h: number
  colW: number[]
  rowH: number[]
  /** Row by row, the cells that start in that row (as in HTML: spanned places are left out). */
  rows: PageCell[][]
  /** The slide's own background, which see-through colours are drawn over. */
  background: Rgba
}

/**
 * A part of slide `slide` drawn at `zoom` times its CSS sizes (CSS `zoom`: the planner fills a
 * slide with it). The page reports such a part's sizes un-zoomed and its boxes zoomed; a reader of
 * sizes (Slidev's exporter) has to scale them itself.
 */
export interface PageZoom { slide: number, x: number, y: number, w: number, h: number, zoom: number }

/** A figure of slide `slide` (a diagram, `role="img"`) and its text alternative. */
export interface PageFigure { slide: number, x: number, y: number, w: number, h: number, alt: string }

/** What the page's reader needs: the selector of its slides, the canvas width, the attribute that marks a hidden table. */
export interface TableQuery { slides: string, canvasWidth: number, mark: string }
