/**
 * In-page, on the handout's page (handout/handout-layout.ts writes it): pages its rows onto A4
 * pages. Each row's notes get the largest type that fits in one slot, else the row takes two slots
 * (and so on); a row never breaks across pages. Returns where each slide frame ended up, in
 * millimetres from its page's top-left corner.
 */
import type { HandoutLayout } from '../handout-types'

const MM = 96 / 25.4

interface Placed { row: HTMLElement, span: number, page: number }

/** Tries the sizes in `list` on `notes` in a row `span` slots tall; true when one fits. */
function fitsIn(row: HTMLElement, notes: HTMLElement, span: number, list: number[], slotMm: number, gapMm: number): boolean {
  row.style.height = `${span * slotMm + (span - 1) * gapMm}mm`
  for (const pt of list) {
    notes.style.fontSize = `${pt}pt`
    if (notes.scrollHeight <= notes.clientHeight + 1)
      return true
  }
  return false
}

/** Puts the rows on pages in order, each at its place under the page's margin. */
function paginate(placed: Placed[], per: number, margin: number, slotMm: number, gapMm: number): HTMLElement[] {
  const pages: HTMLElement[] = []
  let used = per
  for (const p of placed) {
    if (used + p.span > per) {
      const page = document.createElement('div')
      page.className = 'page'
      document.body.appendChild(page)
      pages.push(page)
      used = 0
    }
    p.row.style.top = `${margin + used * (slotMm + gapMm)}mm`
    pages.at(-1)!.appendChild(p.row)
    p.page = pages.length - 1
    used += p.span
  }
  return pages
}

/** Each page's footer: the deck's title (a heading on the first page: it heads the PDF outline) and the page number. */
function addFooters(pages: HTMLElement[], title: string): void {
  pages.forEach((page, i) => {
    const footer = document.createElement('footer')
    footer.className = 'footer'
    const name = document.createElement(i === 0 ? 'h1' : 'span')
    name.className = 'title'
    name.textContent = title
    const number = document.createElement('span')
    number.textContent = `${i + 1} / ${pages.length}`
    footer.append(name, number)
    page.prepend(footer)
  })
}

/** Where each row's slide frame is on its page, inside its border, mm. */
function frameOf(p: Placed, pages: HTMLElement[]): HandoutLayout['frames'][number] {
  const page = pages[p.page]!.getBoundingClientRect()
  const frame = p.row.querySelector<HTMLElement>('.frame')!
  const r = frame.getBoundingClientRect()
  const border = Number.parseFloat(getComputedStyle(frame).borderTopWidth) || 0
  return {
    no: Number(p.row.dataset.no),
    page: p.page,
    x: (r.left - page.left + border) / MM,
    y: (r.top - page.top + border) / MM,
    width: (r.width - 2 * border) / MM,
    height: (r.height - 2 * border) / MM,
    notesPt: Number.parseFloat(p.row.querySelector<HTMLElement>('.notes')!.style.fontSize) || 0,
    span: p.span,
  }
}

export async function layoutHandout(sizes: number[], floorSizes: number[]): Promise<HandoutLayout> {
  const rows = document.getElementById('rows')!
  const { perPage, slot, gap, margin, title } = rows.dataset
  const [per, slotMm, gapMm] = [Number(perPage), Number(slot), Number(gap)]
  void document.body.offsetHeight
  await document.fonts.ready
  const placed: Placed[] = []
  const tooLong: number[] = []
  for (const row of rows.querySelectorAll<HTMLElement>('.row')) {
    const notes = row.querySelector<HTMLElement>('.notes')!
    let span = 1
    while (span < per && !fitsIn(row, notes, span, sizes, slotMm, gapMm))
      span++
    if (span === per && !fitsIn(row, notes, span, [...sizes, ...floorSizes], slotMm, gapMm))
      tooLong.push(Number(row.dataset.no))
    placed.push({ row, span, page: 0 })
  }
  const pages = paginate(placed, per, Number(margin), slotMm, gapMm)
  addFooters(pages, title ?? '')
  rows.remove()
  void document.body.offsetHeight
  await document.fonts.ready
  return { pages: pages.length, frames: placed.map(p => frameOf(p, pages)), tooLong }
}
