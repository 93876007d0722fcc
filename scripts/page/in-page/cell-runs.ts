/**
 * In-page: a table cell's text as runs of one style each, white space collapsed as the page shows
 * it, a break at each `<br>` and block; sizes times `z` (the zoom the cell is drawn at, in canvas px).
 */
import type { PageRun } from '../pptx-types'
import { family, painted, px } from './painted'

/** A run of a text node, as the page styles it. */
function runOf(node: Node, text: string, z: number): PageRun {
  const parent = node.parentElement!
  const s = getComputedStyle(parent)
  const link = parent.closest('a')?.getAttribute('href') ?? undefined
  return {
    text,
    fontFamily: family(s.fontFamily),
    fontSize: px(s.fontSize) * z,
    bold: Number(s.fontWeight) >= 600,
    italic: s.fontStyle === 'italic',
    color: painted(s.color),
    ...(link && /^(?:https?:|mailto:)/.test(link) ? { link } : {}),
  }
}

export function runsOf(cell: Element, z: number): PageRun[] {
  const runs: PageRun[] = []
  let breakNext = false
  const text = (node: Node) => {
    const pre = /^pre/.test(getComputedStyle(node.parentElement!).whiteSpace)
    let value = pre ? node.textContent ?? '' : (node.textContent ?? '').replace(/\s+/g, ' ')
    const last = runs.at(-1)
    if (!pre && (breakNext || !last || /\s$/.test(last.text)))
      value = value.replace(/^ /, '')
    if (!value)
      return
    runs.push({ ...runOf(node, value, z), ...(breakNext && runs.length ? { breakBefore: true } : {}) })
    breakNext = false
  }
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE)
      return text(node)
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
    breakNext ||= block
    el.childNodes.forEach(visit)
    breakNext ||= block
  }
  cell.childNodes.forEach(visit)
  const last = runs.at(-1)
  if (last)
    last.text = last.text.replace(/ $/, '')
  return runs.filter(r => r.text)
}
