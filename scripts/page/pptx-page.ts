/**
 * In-page, self-contained (Playwright sends their source): what the editable PowerPoint reads from
 * the print page beside Slidev's exporter. The tables, which it makes real tables (rows, columns,
 * cells) instead of the text boxes and lines the exporter would draw; the zoomed parts of slides;
 * the figures with their text alternatives, which the exporter's pictures of them lack. `tablesOnPage` reads every outermost table
 * with its place on its slide, its columns and rows and each cell's text runs and look, then hides
 * it (`visibility: hidden`, which Slidev's exporter skips, and which keeps the rest of the slide
 * where it is); `showTables` undoes that.
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

/**
 * In-page: the zoomed parts of every slide (innermost last) and its figures, elements with
 * `role="img"` and a label; boxes in the slide's canvas px.
 */
export function partsOnPage({ slides, canvasWidth }: Omit<TableQuery, 'mark'>): { zooms: PageZoom[], figures: PageFigure[] } {
  const zooms: PageZoom[] = []
  const figures: PageFigure[] = []
  document.querySelectorAll(slides).forEach((container, i) => {
    const box = container.getBoundingClientRect()
    const scale = box.width ? canvasWidth / box.width : 1
    const place = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { slide: i + 1, x: (r.left - box.left) * scale, y: (r.top - box.top) * scale, w: r.width * scale, h: r.height * scale }
    }
    container.querySelectorAll('*').forEach((el) => {
      const own = Number(getComputedStyle(el).zoom)
      if (own && own !== 1) {
        let zoom = 1
        for (let e: Element | null = el; e && e !== container; e = e.parentElement)
          zoom *= Number(getComputedStyle(e).zoom) || 1
        zooms.push({ ...place(el), zoom })
      }
      const alt = el.getAttribute('role') === 'img' ? el.getAttribute('aria-label')?.trim() : undefined
      const at = alt ? place(el) : undefined
      if (alt && at?.w && at.h)
        figures.push({ ...at, alt })
    })
  })
  return { zooms, figures }
}

/** In-page: every outermost table of every slide, read as shown, then hidden (see the top of this file). */
export function tablesOnPage({ slides, canvasWidth, mark }: TableQuery): PageTable[] {
  const canvas = document.createElement('canvas')
  canvas.width = 1
  canvas.height = 1
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!
  /** Any CSS colour (rgb, oklch, a name) as the page would paint it. */
  const rgba = (css: string): Rgba => {
    ctx.clearRect(0, 0, 1, 1)
    ctx.fillStyle = '#000'
    ctx.fillStyle = css
    ctx.fillRect(0, 0, 1, 1)
    const [r = 0, g = 0, b = 0, a = 0] = ctx.getImageData(0, 0, 1, 1).data
    return { r, g, b, a: Math.round((a / 255) * 1000) / 1000 }
  }
  const family = (stack: string) => (stack.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '')
  const px = (v: string) => Number.parseFloat(v) || 0
  const opaque = (el: Element | null): Rgba => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor)
      if (c.a > 0)
        return c
    }
    return { r: 255, g: 255, b: 255, a: 1 }
  }

  /** The cell's text as runs: white space collapsed as the page shows it, a break at each `<br>` and block. */
  const runsOf = (cell: Element, z: number): PageRun[] => {
    const runs: PageRun[] = []
    let breakNext = false
    const visit = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement!
        const s = getComputedStyle(parent)
        const pre = /^pre/.test(s.whiteSpace)
        let text = pre ? node.textContent ?? '' : (node.textContent ?? '').replace(/\s+/g, ' ')
        const last = runs.at(-1)
        if (!pre && (breakNext || !last || /\s$/.test(last.text)))
          text = text.replace(/^ /, '')
        if (!text)
          return
        const link = parent.closest('a')?.getAttribute('href') ?? undefined
        runs.push({
          text,
          fontFamily: family(s.fontFamily),
          fontSize: px(s.fontSize) * z,
          bold: Number(s.fontWeight) >= 600,
          italic: s.fontStyle === 'italic',
          color: rgba(s.color),
          ...(link && /^(?:https?:|mailto:)/.test(link) ? { link } : {}),
          ...(breakNext && runs.length ? { breakBefore: true } : {}),
        })
        breakNext = false
        return
      }
      if (node.nodeType !== Node.ELEMENT_NODE)
        return
      const el = node as Element
      const s = getComputedStyle(el)
      if (s.display === 'none' || s.visibility === 'hidden')
        return
      if (el.tagName === 'BR') {
        breakNext = true
        return
      }
      const block = !/^inline/.test(s.display)
      if (block)
        breakNext = true
      el.childNodes.forEach(visit)
      if (block)
        breakNext = true
    }
    cell.childNodes.forEach(visit)
    const last = runs.at(-1)
    if (last)
      last.text = last.text.replace(/ $/, '')
    return runs.filter(r => r.text)
  }

  const edge = (s: CSSStyleDeclaration, side: 'Top' | 'Right' | 'Bottom' | 'Left', z: number): PageEdge | null => {
    const width = px(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) * z
    const style = s.getPropertyValue(`border-${side.toLowerCase()}-style`)
    const color = rgba(s.getPropertyValue(`border-${side.toLowerCase()}-color`))
    return width > 0 && style !== 'none' && style !== 'hidden' && color.a > 0 ? { width, color } : null
  }

  const found: PageTable[] = []
  document.querySelectorAll(slides).forEach((container, i) => {
    const box = container.getBoundingClientRect()
    const scale = box.width ? canvasWidth / box.width : 1
    const background = opaque(container.querySelector('.slidev-layout') ?? container)
    const tables = [...container.querySelectorAll('table')].filter(t => !t.parentElement?.closest('table'))
    for (const table of tables) {
      const s = getComputedStyle(table)
      // A caption has no place in a PowerPoint table: such a table stays with Slidev's exporter (text boxes).
      if (s.display === 'none' || s.visibility === 'hidden' || table.caption)
        continue
      const t = table.getBoundingClientRect()
      // CSS zoom: boxes come zoomed, sizes (font, padding, borders) not.
      let z = scale
      for (let e: Element | null = table; e; e = e.parentElement)
        z *= Number(getComputedStyle(e).zoom) || 1
      const rows = [...table.rows].filter(r => getComputedStyle(r).display !== 'none')
      if (!rows.length)
        continue
      // Column edges from every cell's left and right, so spans and empty columns are placed right.
      const edges = new Set<number>([t.left, t.right])
      rows.forEach(r => [...r.cells].forEach((c) => {
        const b = c.getBoundingClientRect()
        edges.add(b.left)
        edges.add(b.right)
      }))
      const xs = [...edges].map(v => Math.round(v * 100) / 100).sort((a, b) => a - b).filter((v, k, all) => k === 0 || v - all[k - 1]! > 0.5)
      // As many columns as the widest row spans; edges that do not give that many (cells that do not line up) give equal columns.
      const columns = Math.max(...rows.map(r => [...r.cells].reduce((n, c) => n + c.colSpan, 0)))
      const colW = xs.length - 1 === columns ? xs.slice(1).map((v, k) => (v - xs[k]!) * scale) : Array.from({ length: columns }, () => t.width * scale / columns)
      const rowH = rows.map(r => r.getBoundingClientRect().height * scale)
      found.push({
        slide: i + 1,
        x: (t.left - box.left) * scale,
        y: (t.top - box.top) * scale,
        w: t.width * scale,
        h: t.height * scale,
        colW,
        rowH,
        background,
        rows: rows.map(r => [...r.cells].map((c) => {
          const cs = getComputedStyle(c)
          const align = cs.textAlign === 'center' ? 'center' : cs.textAlign === 'right' || cs.textAlign === 'end' ? 'right' : 'left'
          const valign = cs.verticalAlign === 'top' ? 'top' : cs.verticalAlign === 'bottom' ? 'bottom' : 'middle'
          const own = rgba(cs.backgroundColor)
          const row = rgba(getComputedStyle(r).backgroundColor)
          return {
            runs: runsOf(c, z),
            colspan: c.colSpan,
            rowspan: c.rowSpan,
            fill: own.a > 0 ? own : row,
            align,
            valign,
            // A side the cell does not draw may be drawn by its row (a rule under each row), or by
            // its row group on the group's first or last row.
            borders: (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => {
              const group = r.parentElement
              const outer = side === 'Top' ? r === group?.firstElementChild : side === 'Bottom' ? r === group?.lastElementChild : false
              const rowSide = side === 'Top' || side === 'Bottom' || (side === 'Left' ? c === r.cells[0] : c === r.cells[r.cells.length - 1])
              return edge(cs, side, z)
                ?? (rowSide ? edge(getComputedStyle(r), side, z) : null)
                ?? (outer && group ? edge(getComputedStyle(group), side, z) : null)
            }),
            padding: [cs.paddingTop, cs.paddingRight, cs.paddingBottom, cs.paddingLeft].map(v => px(v) * z),
            lineHeight: (cs.lineHeight === 'normal' ? px(cs.fontSize) * 1.2 : px(cs.lineHeight)) * z,
          } satisfies PageCell
        })),
      })
      table.setAttribute(mark, table.style.visibility || '-')
      table.style.visibility = 'hidden'
    }
  })
  return found
}

/** In-page: shows again the tables `tablesOnPage` hid. */
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
