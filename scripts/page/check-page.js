// Runs inside the browser (read as text and evaluated by check.ts; never imported or transpiled).
// Measures one rendered slide: what sticks out of the slide, diagram labels outside their shapes,
// broken images, and characters that the bundled font does not have (tofu elsewhere).
/* eslint-disable no-undef */
async function measureSlide(no, fontFamily, monoFamily, S) {
  const page = document.querySelector(`.${S.pageClassPrefix}${no}`)
  if (!page)
    return { error: `slide ${no} is not in the page` }
  const box = page.getBoundingClientRect()
  const failed = page.querySelector(`:scope > ${S.failed}`)
  const describe = (el) => {
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40)
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className.split(' ')[0]}"` : ''}>${text ? ` "${text}"` : ''}`
  }

  // Colours, for contrast (WCAG 2: relative luminance, ratio of the lighter to the darker).
  const rgba = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '')
    if (!m)
      return undefined
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number)
    return { r, g, b, a }
  }
  const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 })
  const luminance = ({ r, g, b }) => [r, g, b].map(v => v / 255).map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0)
  const ratio = (x, y) => { const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p); return (hi + 0.05) / (lo + 0.05) }
  /** The colour behind an element: its and its ancestors' backgrounds, composited down to an opaque one. */
  const backdrop = (el) => {
    const layers = []
    for (let e = el; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
      const c = rgba(getComputedStyle(e).backgroundColor)
      if (c && c.a > 0)
        layers.push(c)
      if (c && c.a >= 1)
        break
    }
    return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 })
  }
  const opacity = (el) => {
    let o = 1
    for (let e = el; e && e !== page; e = e.parentElement)
      o *= Number(getComputedStyle(e).opacity)
    return o
  }
  /** WCAG AA: 4.5:1 for text, 3:1 for large text (24px, or 18.66px bold). */
  const needs = (style) => { const px = Number.parseFloat(style.fontSize); return px >= 24 || (px >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5 }
  const contrast = []
  const checkContrast = (el, fg, bg, what) => {
    const style = getComputedStyle(el)
    if (!fg || !bg || fg.a === 0)
      return
    const shown = over({ ...fg, a: fg.a * opacity(el) }, bg)
    const r = ratio(shown, bg)
    if (r < needs(style))
      contrast.push({ ratio: Math.round(r * 100) / 100, needs: needs(style), what })
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
      const carrier = t.tagName.toLowerCase() === 'foreignobject' ? ([...t.querySelectorAll('*')].reverse().find(e => (e.textContent || '').trim()) || t) : t
      const fill = rgba(getComputedStyle(shape).fill)
      if (fill)
        checkContrast(carrier, rgba(carrier === t && t.tagName.toLowerCase() === 'text' ? getComputedStyle(t).fill : getComputedStyle(carrier).color), over({ ...fill, a: fill.a * Number(getComputedStyle(shape).fillOpacity || 1) }, backdrop(host)), (t.textContent || '').trim().slice(0, 40))
      const sr = shape.getBoundingClientRect()
      const px = Math.max(tr.right - sr.right, tr.bottom - sr.bottom, sr.left - tr.left, sr.top - tr.top)
      if (px > 2)
        labels.push({ px: Math.round(px), what: (t.textContent || '').trim().slice(0, 40) })
    }
  }

  // 3. Text too faint for its background (the slide's own text; diagram labels are measured above).
  for (const el of page.querySelectorAll('.slidev-layout *')) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ')
    if (!own || el.getBoundingClientRect().width === 0 || getComputedStyle(el).visibility === 'hidden')
      continue
    checkContrast(el, rgba(getComputedStyle(el).color), backdrop(el), own.slice(0, 40))
  }

  // 4. Broken images.
  const images = [...page.querySelectorAll('img')].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src') || '')

  // 5. Coverage: the union box of the slide's text, images and diagrams, as a share of the slide.
  const layout = page.querySelector(S.layout)
  const layoutName = layout ? ['cover', 'section', 'default'].find(c => layout.classList.contains(c)) || 'other' : 'none'
  const union = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity }
  const grow = (r) => {
    if (r.width <= 0 || r.height <= 0)
      return
    union.left = Math.min(union.left, Math.max(r.left, box.left))
    union.top = Math.min(union.top, Math.max(r.top, box.top))
    union.right = Math.max(union.right, Math.min(r.right, box.right))
    union.bottom = Math.max(union.bottom, Math.min(r.bottom, box.bottom))
  }
  if (layout) {
    const walker = document.createTreeWalker(layout, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim())
        continue
      const range = document.createRange()
      range.selectNodeContents(n)
      for (const r of range.getClientRects())
        grow(r)
    }
    // Boxes that are content too: pictures, diagrams, code and table panels, cards and tiles.
    for (const el of layout.querySelectorAll('img, svg, .nd-diagram, pre, table, .nd-card, .nd-agenda.tiles li, .nd-refs.tiles li'))
      grow(el.getBoundingClientRect())
  }
  // The height of what is under the title, to compare with the planner's estimate.
  let body
  if (layout) {
    const parts = [...layout.children].filter(e => !e.matches('h1, .nd-kicker')).flatMap(e => (e.classList.contains('nd-stage') ? [...e.children] : [e]))
    const rects = parts.map(e => e.getBoundingClientRect()).filter(r => r.height > 0)
    if (rects.length)
      body = Math.round(Math.max(...rects.map(r => r.bottom)) - Math.min(...rects.map(r => r.top)))
  }
  const coverage = union.right > union.left ? Math.round(((union.right - union.left) * (union.bottom - union.top)) / (box.width * box.height) * 1000) / 1000 : 0

  // 6. Code set in a monospace font whose columns line up: iiii, 中文 and ──── as wide as MMMM.
  const mono = []
  for (const code of page.querySelectorAll('pre code, pre.nd-pre > code')) {
    const style = getComputedStyle(code)
    await document.fonts.load(`${style.fontSize} ${style.fontFamily}`, 'iM中文─')
    const width = (s) => {
      const span = document.createElement('span')
      span.style.whiteSpace = 'pre'
      span.textContent = s
      code.appendChild(span)
      const w = span.getBoundingClientRect().width
      span.remove()
      return w
    }
    const m = width('MMMM')
    const off = ['iiii', '中文', '────'].map(s => ({ s, w: width(s) })).filter(x => Math.abs(x.w - m) > 0.5)
    if (off.length)
      mono.push(`${off.map(x => `"${x.s}" ${x.w.toFixed(1)}px`).join(', ')} vs "MMMM" ${m.toFixed(1)}px in ${style.fontFamily.split(',')[0]}`)
  }

  // 7. Characters the bundled font lacks: they would render in some fallback font, or as tofu.
  // The font comes in subsets whose unicode-range lists exactly the glyphs each one has.
  const rangesOf = (family) => {
    const ranges = []
    for (const face of document.fonts) {
      if (face.family.replace(/["']/g, '') !== family.replace(/["']/g, ''))
        continue
      for (const part of face.unicodeRange.split(',')) {
        const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim())
        if (m)
          ranges.push([Number.parseInt(m[1].replace(/\?/g, '0'), 16), Number.parseInt((m[2] || m[1]).replace(/\?/g, 'f'), 16)])
      }
    }
    return ranges
  }
  const sans = rangesOf(fontFamily)
  // Code is set in the monospace font, with the sans font as its fallback.
  const codeRanges = [...rangesOf(monoFamily), ...sans]
  const glyphs = s => [...new Set([...s].filter(c => c.trim() && c.codePointAt(0) > 0x20))]
  const codeText = [...page.querySelectorAll('pre, code')].map(e => e.textContent).join('')
  const textOutsideCode = [...page.querySelectorAll('.slidev-layout *')].filter(e => !e.closest('pre, code')).flatMap(e => [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent)).join('')
  const lacks = (ranges, c) => { const cp = c.codePointAt(0); return !ranges.some(([a, b]) => cp >= a && cp <= b) }
  const missing = sans.length === 0
    ? [`(the font ${fontFamily} is not loaded)`]
    : [...new Set([...glyphs(textOutsideCode + svgTexts.join('')).filter(c => lacks(sans, c)), ...glyphs(codeText).filter(c => lacks(codeRanges, c))])]

  return { ...(failed ? { failed: failed.textContent.trim() } : {}), overflow: overflow.slice(0, 5), labels, diagrams, images, missing, contrast, layout: layoutName, coverage, mono, body }
}
