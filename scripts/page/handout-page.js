// Runs inside the browser (read as text and evaluated by handout.ts; never imported or transpiled).
// Pages the handout's rows onto A4 pages: each row's notes get the largest type that fits in one
// slot, else the row takes two slots (and so on); a row never breaks across pages. Returns where
// each slide frame ended up, in millimetres from the page's top-left corner.
/* eslint-disable no-undef */
async function layoutHandout(sizes, floorSizes) {
  const MM = 96 / 25.4
  const rows = document.getElementById('rows')
  const { perPage, slot, gap, margin, caption, title } = rows.dataset
  const per = Number(perPage)
  const slotMm = Number(slot)
  const gapMm = Number(gap)
  void document.body.offsetHeight
  await document.fonts.ready

  const fits = notes => notes.scrollHeight <= notes.clientHeight + 1
  const tryFit = (row, notes, span, list) => {
    row.style.height = `${span * slotMm + (span - 1) * gapMm}mm`
    for (const pt of list) {
      notes.style.fontSize = `${pt}pt`
      if (fits(notes))
        return true
    }
    return false
  }
  const placed = []
  const tooLong = []
  for (const row of rows.querySelectorAll('.row')) {
    const notes = row.querySelector('.notes')
    let span = 1
    while (span < per && !tryFit(row, notes, span, sizes))
      span++
    if (span === per && !tryFit(row, notes, span, [...sizes, ...floorSizes]))
      tooLong.push(Number(row.dataset.no))
    placed.push({ row, span })
  }

  const pages = []
  let used = per
  for (const p of placed) {
    if (used + p.span > per) {
      const page = document.createElement('div')
      page.className = 'page'
      document.body.appendChild(page)
      pages.push(page)
      used = 0
    }
    p.row.style.top = `${Number(margin) + used * (slotMm + gapMm)}mm`
    pages.at(-1).appendChild(p.row)
    p.page = pages.length - 1
    used += p.span
  }
  pages.forEach((page, i) => {
    const footer = document.createElement('footer')
    footer.className = 'footer'
    const name = document.createElement(i === 0 ? 'h1' : 'span')
    name.className = 'title'
    name.textContent = title
    const number = document.createElement('span')
    number.textContent = `${i + 1} / ${pages.length}`
    footer.append(name, number)
    // First in the page, so that the deck title heads the PDF outline.
    page.prepend(footer)
  })
  rows.remove()
  void document.body.offsetHeight
  await document.fonts.ready

  const frames = placed.map((p) => {
    const page = pages[p.page].getBoundingClientRect()
    const frame = p.row.querySelector('.frame')
    const r = frame.getBoundingClientRect()
    const border = Number.parseFloat(getComputedStyle(frame).borderTopWidth) || 0
    return {
      no: Number(p.row.dataset.no),
      page: p.page,
      x: (r.left - page.left + border) / MM,
      y: (r.top - page.top + border) / MM,
      width: (r.width - 2 * border) / MM,
      height: (r.height - 2 * border) / MM,
      notesPt: Number.parseFloat(p.row.querySelector('.notes').style.fontSize) || 0,
      span: p.span,
    }
  })
  return { pages: pages.length, frames, tooLong, caption: Number(caption) }
}
