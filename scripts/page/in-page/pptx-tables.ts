/**
 * In-page: every outermost table of every slide, read as shown (its place on its slide, its columns
 * and rows, each cell's text runs and look), then hidden (`visibility: hidden`, which Slidev's
 * exporter skips and which keeps the rest of the slide where it is); `showTables` undoes that. The
 * editable PowerPoint makes them real tables instead of the text boxes and lines the exporter draws.
 */
import type { PageCell, PageEdge, PageTable, TableQuery } from '../pptx-types'
import { runsOf } from './cell-runs'
import { opaqueBehind, painted, px } from './painted'
import { slideFrames, zoomOf } from './slide-frame'

type Side = 'Top' | 'Right' | 'Bottom' | 'Left'

/** One side of a box's border as drawn, or null. */
function edgeOf(s: CSSStyleDeclaration, side: Side, z: number): PageEdge | null {
  const name = `border-${side.toLowerCase()}`
  const width = px(s.getPropertyValue(`${name}-width`)) * z
  const style = s.getPropertyValue(`${name}-style`)
  const color = painted(s.getPropertyValue(`${name}-color`))
  return width > 0 && style !== 'none' && style !== 'hidden' && color.a > 0 ? { width, color } : null
}

/**
 * A side of a cell: drawn by the cell, else by its row (a rule under each row, the row's outer
 * sides on its first and last cell), else by its row group on the group's first or last row.
 */
function cellEdge(c: HTMLTableCellElement, r: HTMLTableRowElement, side: Side, z: number): PageEdge | null {
  const group = r.parentElement
  const outer = side === 'Top' ? r === group?.firstElementChild : side === 'Bottom' ? r === group?.lastElementChild : false
  const rowSide = side === 'Top' || side === 'Bottom' || (side === 'Left' ? c === r.cells[0] : c === r.cells[r.cells.length - 1])
  return edgeOf(getComputedStyle(c), side, z)
    ?? (rowSide ? edgeOf(getComputedStyle(r), side, z) : null)
    ?? (outer && group ? edgeOf(getComputedStyle(group), side, z) : null)
}

function cellOf(c: HTMLTableCellElement, r: HTMLTableRowElement, z: number): PageCell {
  const cs = getComputedStyle(c)
  const own = painted(cs.backgroundColor)
  return {
    runs: runsOf(c, z),
    colspan: c.colSpan,
    rowspan: c.rowSpan,
    fill: own.a > 0 ? own : painted(getComputedStyle(r).backgroundColor),
    align: cs.textAlign === 'center' ? 'center' : cs.textAlign === 'right' || cs.textAlign === 'end' ? 'right' : 'left',
    valign: cs.verticalAlign === 'top' ? 'top' : cs.verticalAlign === 'bottom' ? 'bottom' : 'middle',
    borders: (['Top', 'Right', 'Bottom', 'Left'] as const).map(side => cellEdge(c, r, side, z)),
    padding: [cs.paddingTop, cs.paddingRight, cs.paddingBottom, cs.paddingLeft].map(v => px(v) * z),
    lineHeight: (cs.lineHeight === 'normal' ? px(cs.fontSize) * 1.2 : px(cs.lineHeight)) * z,
  }
}

/**
 * Column widths, canvas px: from every cell's left and right edge, so that spans and empty columns
 * are placed right; edges that do not give as many columns as the widest row spans (cells that do
 * not line up) give equal columns.
 */
function columnWidths(table: HTMLTableElement, rows: HTMLTableRowElement[], scale: number): number[] {
  const t = table.getBoundingClientRect()
  const edges = new Set<number>([t.left, t.right])
  for (const r of rows) {
    for (const c of r.cells) {
      const b = c.getBoundingClientRect()
      edges.add(b.left)
      edges.add(b.right)
    }
  }
  const xs = [...edges].map(v => Math.round(v * 100) / 100).sort((a, b) => a - b).filter((v, k, all) => k === 0 || v - all[k - 1]! > 0.5)
  const columns = Math.max(...rows.map(r => [...r.cells].reduce((n, c) => n + c.colSpan, 0)))
  return xs.length - 1 === columns ? xs.slice(1).map((v, k) => (v - xs[k]!) * scale) : Array.from({ length: columns }, () => t.width * scale / columns)
}

export function tablesOnPage({ slides, canvasWidth, mark }: TableQuery): PageTable[] {
  const found: PageTable[] = []
  for (const { container, scale, place } of slideFrames(slides, canvasWidth)) {
    const background = opaqueBehind(container.querySelector('.slidev-layout') ?? container)
    for (const table of [...container.querySelectorAll('table')].filter(t => !t.parentElement?.closest('table'))) {
      const s = getComputedStyle(table)
      // A caption has no place in a PowerPoint table: such a table stays with Slidev's exporter (text boxes).
      if (s.display === 'none' || s.visibility === 'hidden' || table.caption)
        continue
      const rows = [...table.rows].filter(r => getComputedStyle(r).display !== 'none')
      if (!rows.length)
        continue
      const z = scale * zoomOf(table)
      found.push({
        ...place(table),
        colW: columnWidths(table, rows, scale),
        rowH: rows.map(r => r.getBoundingClientRect().height * scale),
        background,
        rows: rows.map(r => [...r.cells].map(c => cellOf(c, r, z))),
      })
      table.setAttribute(mark, table.style.visibility || '-')
      table.style.visibility = 'hidden'
    }
  }
  return found
}

/** Shows again the tables `tablesOnPage` hid. */
export function showTables(mark: string): void {
  document.querySelectorAll<HTMLElement>(`[${mark}]`).forEach((t) => {
    const was = t.getAttribute(mark)
    if (was && was !== '-')
      t.style.visibility = was
    else
      t.style.removeProperty('visibility')
    t.removeAttribute(mark)
  })
}
