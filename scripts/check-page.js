// Runs inside the browser (read as text and evaluated by check.ts; never imported or transpiled).
// Measures one rendered slide: what sticks out of the slide, diagram labels outside their shapes,
// broken images, and characters that the bundled font does not have (tofu elsewhere).
/* eslint-disable no-undef */
async function measureSlide(no, fontFamily) {
  const page = document.querySelector(`.slidev-page-${no}`)
  if (!page)
    return { error: `slide ${no} is not in the page` }
  const box = page.getBoundingClientRect()
  const failed = page.querySelector(':scope > .text-red-700, :scope > .text-red-500')
  const describe = (el) => {
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40)
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className.split(' ')[0]}"` : ''}>${text ? ` "${text}"` : ''}`
  }

  // 1. Content outside the slide box.
  const overflow = []
  for (const el of page.querySelectorAll('.slidev-layout *')) {
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0 || getComputedStyle(el).position === 'fixed')
      continue
    const px = Math.max(r.right - box.right, r.bottom - box.bottom, box.left - r.left, box.top - r.top)
    if (px > 1)
      overflow.push({ px: Math.round(px), what: describe(el) })
  }
  overflow.sort((a, b) => b.px - a.px)

  // 2. Diagram labels outside their shapes (Mermaid renders into shadow roots).
  const labels = []
  const diagrams = []
  const svgTexts = []
  for (const container of page.querySelectorAll('.nd-diagram')) {
    const host = [...container.querySelectorAll('*')].find(e => e.shadowRoot)
    const svg = host && host.shadowRoot.querySelector('svg')
    const err = container.querySelector('pre')
    diagrams.push({ rendered: Boolean(svg), error: err ? err.textContent.slice(0, 200) : undefined })
    if (!svg)
      continue
    const carriers = [...svg.querySelectorAll('foreignObject, text')]
    for (const t of carriers) {
      svgTexts.push(t.textContent || '')
      const range = document.createRange()
      range.selectNodeContents(t.tagName.toLowerCase() === 'foreignobject' ? (t.firstElementChild || t) : t)
      const tr = range.getBoundingClientRect()
      if (!tr.width || !(t.textContent || '').trim())
        continue
      let g = t.parentElement
      let shape
      while (g && g !== svg && !shape) {
        shape = [...g.querySelectorAll(':scope > .label-container, :scope > rect, :scope > polygon, :scope > circle, :scope > ellipse, :scope > path.node-bkg, :scope > g > path.node-bkg, :scope > path.basic')]
          .find((s) => { const r = s.getBoundingClientRect(); return !s.contains(t) && r.width > 1 && r.height > 1 })
        g = g.parentElement
      }
      if (!shape)
        continue
      const sr = shape.getBoundingClientRect()
      const px = Math.max(tr.right - sr.right, tr.bottom - sr.bottom, sr.left - tr.left, sr.top - tr.top)
      if (px > 2)
        labels.push({ px: Math.round(px), what: (t.textContent || '').trim().slice(0, 40) })
    }
  }

  // 3. Broken images.
  const images = [...page.querySelectorAll('img')].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src') || '')

  // 4. Characters the bundled font lacks: they would render in some fallback font, or as tofu.
  // The font comes in subsets whose unicode-range lists exactly the glyphs each one has.
  const family = fontFamily.replace(/["']/g, '')
  const ranges = []
  for (const face of document.fonts) {
    if (face.family.replace(/["']/g, '') !== family)
      continue
    for (const part of face.unicodeRange.split(',')) {
      const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim())
      if (m)
        ranges.push([Number.parseInt(m[1].replace(/\?/g, '0'), 16), Number.parseInt((m[2] || m[1]).replace(/\?/g, 'f'), 16)])
    }
  }
  const chars = [...new Set([...(page.innerText + svgTexts.join(''))].filter(c => c.trim() && c.codePointAt(0) > 0x20))]
  const missing = ranges.length === 0
    ? [`(the font ${fontFamily} is not loaded)`]
    : chars.filter((c) => { const cp = c.codePointAt(0); return !ranges.some(([a, b]) => cp >= a && cp <= b) })

  return { ...(failed ? { failed: failed.textContent.trim() } : {}), overflow: overflow.slice(0, 5), labels, diagrams, images, missing }
}
