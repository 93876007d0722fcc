/** In-page: code set in a font whose columns line up: `iiii`, `中文` and `────` as wide as `MMMM`. */

export async function misalignedCode(slide: Element): Promise<string[]> {
  const out: string[] = []
  for (const code of slide.querySelectorAll('pre code, pre.nd-pre > code')) {
    const style = getComputedStyle(code)
    await document.fonts.load(`${style.fontSize} ${style.fontFamily}`, 'iM中文─')
    const width = (s: string) => {
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
      out.push(`${off.map(x => `"${x.s}" ${x.w.toFixed(1)}px`).join(', ')} vs "MMMM" ${m.toFixed(1)}px in ${style.fontFamily.split(',')[0]}`)
  }
  return out
}
