/** Recognises the shapes of list items in notes: dated periods, term-led items, link-only items. Pure. */
import type { List, ListItem, PhrasingContent } from 'mdast'
import type { LinkItem, Period, TermItem } from '../types'
import { plainText } from '../text'
import { spanOf } from './span'

const PERIOD = /^(.+?)\s*[（(]\s*(\d{3,4})\s*[-–—~～至到]\s*(\d{3,4}|至今|今|现在|目前|now|present|today)\s*[)）]\s*[:：,，-]?\s*(.*)$/iu
/**
 * A dated event: an item led by a year (`1994: …`, `**2017年6月** …`, `1970s – …`, `2023-03 …`):
 * years 1000-2099 (not port numbers or status codes), with a decade, 年/月/日 or a month after it.
 */
const EVENT = /^((?:1\d|20)\d{2}(?:s|\s*年代|\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|[-./](?:0?[1-9]|1[0-2])(?:[-./]\d{1,2})?)?)(?![\d\p{L}])\s*(?:[:：，,]|[-–—](?=\s))?\s*(\S[\s\S]*)$/u
const LATIN_TERM = /^([A-Za-z][\w.+\-/&' ]{0,40}?)\s+(?=[\u2E80-\uA4CF\uF900-\uFAFF\uFF00-\uFF60])/u
const COLON_TERM = /^([^:：。，,]{1,30}?)\s*[:：]\s*(?=\S)/u

function onlyParagraph(item: ListItem): PhrasingContent[] | undefined {
  const [first, ...rest] = item.children
  if (!first || rest.length > 0 || first.type !== 'paragraph')
    return undefined
  return first.children
}

export function asPeriod(item: ListItem): Period | undefined {
  const inline = onlyParagraph(item)
  if (!inline)
    return undefined
  const m = PERIOD.exec(plainText(inline))
  if (!m)
    return undefined
  const [, name = '', start = '', end = '', description = ''] = m
  return { name: name.trim(), start, end, description: description.trim(), span: spanOf(item) }
}

/** Whether inline content holds what a diagram's label cannot show: a link's address, an image. */
const hasLinkOrImage = (nodes: PhrasingContent[]): boolean =>
  nodes.some(n => n.type === 'link' || n.type === 'linkReference' || n.type === 'image' || n.type === 'imageReference' || ('children' in n && hasLinkOrImage(n.children as PhrasingContent[])))

/** A dated event (`1994: BM25 is introduced`) as a period of one point in time: its date as written, no end. */
export function asEvent(item: ListItem): Period | undefined {
  const inline = onlyParagraph(item)
  if (!inline || hasLinkOrImage(inline))
    return undefined
  const m = EVENT.exec(plainText(inline).trim())
  if (!m)
    return undefined
  const [, date = '', description = ''] = m
  return { name: date, start: date, end: '', description: description.trim(), span: spanOf(item) }
}

/** Dated events in the order of time, earliest or latest first (a list of years out of order is no timeline). */
export function inTimeOrder(events: Period[] | undefined): Period[] | undefined {
  if (!events)
    return undefined
  const years = events.map(e => Number(e.start.slice(0, 4)))
  const up = years.every((y, i) => i === 0 || y >= years[i - 1]!)
  const down = years.every((y, i) => i === 0 || y <= years[i - 1]!)
  return up || down ? events : undefined
}

/** Drops the first `count` characters of the inline content (which must start with text). */
function dropChars(inline: PhrasingContent[], count: number): PhrasingContent[] {
  const [first, ...rest] = inline
  if (!first || first.type !== 'text')
    return inline
  const value = first.value.slice(count).replace(/^[\s:：\-—]+/u, '')
  return value ? [{ ...first, value }, ...rest] : rest
}

export function asTerm(item: ListItem): TermItem | undefined {
  const inline = onlyParagraph(item)
  const first = inline?.[0]
  if (!inline || !first)
    return undefined
  const span = spanOf(item)
  if (first.type === 'strong' && inline.length > 1) {
    const description = dropChars(inline.slice(1), 0)
    return description.length ? { term: plainText(first), description, span } : undefined
  }
  if (first.type !== 'text')
    return undefined
  const lead = first.value.replace(/^\s+/u, '')
  const offset = first.value.length - lead.length
  const m = LATIN_TERM.exec(lead) ?? COLON_TERM.exec(lead)
  if (!m?.[1])
    return undefined
  const description = dropChars(inline, offset + m[0].length)
  return description.length ? { term: m[1].trim(), description, span } : undefined
}

export function asLink(item: ListItem): LinkItem | undefined {
  const inline = onlyParagraph(item)?.filter(n => !(n.type === 'text' && !n.value.trim()))
  const only = inline?.length === 1 ? inline[0] : undefined
  if (only?.type !== 'link')
    return undefined
  return { text: plainText(only) || only.url, url: only.url, span: spanOf(item) }
}

/** All items match, and there are at least `min` of them. */
export function allOf<T>(list: List, min: number, match: (item: ListItem) => T | undefined): T[] | undefined {
  if (list.children.length < min)
    return undefined
  const out: T[] = []
  for (const item of list.children) {
    const m = match(item)
    if (!m)
      return undefined
    out.push(m)
  }
  return out
}


