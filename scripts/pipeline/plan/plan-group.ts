/**
 * Planning by amount, not by heading: sibling sections too small to fill a slide each go together,
 * as cards on one slide (numbered step cards when their headings are numbered: `1. …`, `第一步…`,
 * `Step 1 …`). Pure.
 */
import type { BlockContent } from 'mdast'
import type { Block, Card, Section } from '../types'
import { BODY_H, CODE_FONT_PX, blockHeight, cardHeight, cardInnerWidth, codeWidthPx } from './budget'

/** A section whose content, alone on a slide, would fill less than this share of it is small. */
const SMALL_SHARE = 0.45
/** Code of more lines than this does not go into a card. */
const CARD_CODE_LINES = 6

const CN_DIGITS = '零一二三四五六七八九'

/** `十二` -> 12, `三` -> 3: the Chinese numerals that number steps. */
function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s))
    return Number(s)
  if (/^[\u2460-\u2473]$/u.test(s)) // ① … ⑳
    return s.codePointAt(0)! - 0x2460 + 1
  const [tens, ones] = s.includes('十') ? s.split('十') as [string, string] : ['', s]
  const digit = (c: string) => CN_DIGITS.indexOf(c)
  if ([...tens, ...ones].some(c => digit(c) < 0) || tens.length > 1 || ones.length > 1)
    return undefined
  return (s.includes('十') ? (tens ? digit(tens) : 1) * 10 : 0) + (ones ? digit(ones) : 0)
}

/** Numbered headings: the label as written (group `label`), its number (`n`) and the rest. */
const STEP_PATTERNS: RegExp[] = [
  /^(?<label>(?<n>\d{1,3}))\s*[.、)）:：]\s*(?<rest>\S.*)$/u,
  /^(?<label>第\s*(?<n>[\d一二三四五六七八九十]{1,4})\s*[步章节部分阶段])\s*[.、:：\s-]*(?<rest>.*)$/u,
  /^(?<label>(?:步骤|阶段)\s*(?<n>[\d一二三四五六七八九十]{1,4}))\s*[.、:：\s-]*(?<rest>.*)$/u,
  /^(?<label>(?:step|phase|stage)\s*(?<n>\d{1,3}))\s*[.:)\-–—]?\s*(?<rest>.*)$/iu,
  /^(?<label>(?<n>[一二三四五六七八九十]{1,3}))\s*[、.．]\s*(?<rest>\S.*)$/u,
  /^(?<label>(?<n>[\u2460-\u2473]))\s*(?<rest>\S.*)$/u,
]

/**
 * The number and the rest of a numbered heading, `3. 数据去重` -> { step: '3', label: '3', rest: '数据去重' };
 * `label` is the number as written (`Step 3`, `第三步`, `③`), which a step card shows, so that no word of the heading is lost.
 */
export function stepOf(title: string): { step: string, label: string, rest: string } | undefined {
  for (const pattern of STEP_PATTERNS) {
    const m = pattern.exec(title.trim())
    const n = m?.groups?.n ? chineseNumber(m.groups.n) : undefined
    if (m && n !== undefined)
      return { step: String(n), label: m.groups!.label!, rest: (m.groups!.rest ?? '').trim() }
  }
  return undefined
}

/** Model blocks as the Markdown content of a card, or undefined for blocks that need a slide's width. */
function cardContent(blocks: Block[]): BlockContent[] | undefined {
  const out: BlockContent[] = []
  for (const b of blocks) {
    switch (b.kind) {
      case 'list': {
        // A list of one item under a heading is the heading's text: shown without a bullet.
        const [only, ...more] = b.node.children
        out.push(...(only && more.length === 0 && only.children.every(c => c.type === 'paragraph') ? only.children as BlockContent[] : [b.node]))
        break
      }
      case 'paragraph':
      case 'terms':
      case 'links':
        out.push(b.node)
        break
      case 'quote':
        out.push(...b.content)
        break
      case 'code':
        // Code goes into a card only if its widest line fits a card as wide as the slide: cards do not wrap it.
        if (b.lang === 'mermaid' || b.value.split('\n').length > CARD_CODE_LINES || codeWidthPx(b.value, CODE_FONT_PX) > cardInnerWidth(1))
          return undefined
        out.push({ type: 'code', lang: b.lang ?? null, value: b.value })
        break
      default:
        return undefined
    }
  }
  return out
}

/** A section's own content: its definition (as a quote), then its blocks. */
export function ownBlocks(section: Section): Block[] {
  return [...(section.definition ? [{ kind: 'quote' as const, content: section.definition.content, span: section.definition.span, ...(section.grow ? { grow: section.grow } : {}) }] : []), ...section.blocks]
}

/** A section as one card, if it is a leaf whose content is small enough to share a slide. */
export function smallCard(section: Section): Card | undefined {
  if (section.children.length)
    return undefined
  const blocks = ownBlocks(section)
  const content = cardContent(blocks)
  if (!content || blocks.reduce((h, b) => h + blockHeight(b), 0) > BODY_H * SMALL_SHARE)
    return undefined
  const numbered = stepOf(section.title)
  const grow = section.grow ? { grow: section.grow } : {}
  const card: Card = numbered?.rest ? { step: numbered.label, heading: section.title, term: numbered.rest, content, abridged: false, ...grow } : { term: section.title, content, abridged: false, ...grow }
  return cardHeight(card, 2) <= BODY_H * SMALL_SHARE ? card : undefined
}

export type Run = { kind: 'cards', sections: Section[], cards: Card[] } | { kind: 'single', section: Section }

/**
 * Sibling sections in runs: two or more small leaves in a row become one run of cards; a numbered
 * card keeps its number only when its whole run is numbered. `keep`: sections that keep a slide of
 * their own (those a flow diagram is drawn from).
 */
export function runsOf(sections: Section[], keep: (s: Section) => boolean = () => false): Run[] {
  const runs: Run[] = []
  let pending: Array<{ section: Section, card: Card }> = []
  const flush = () => {
    if (pending.length >= 2) {
      const numbered = pending.every(p => p.card.step)
      const cards = pending.map(p => (numbered || !p.card.step ? p.card : { term: p.section.title, content: p.card.content, abridged: false, ...(p.card.grow ? { grow: p.card.grow } : {}) }))
      runs.push({ kind: 'cards', sections: pending.map(p => p.section), cards })
    }
    else {
      runs.push(...pending.map(p => ({ kind: 'single' as const, section: p.section })))
    }
    pending = []
  }
  for (const section of sections) {
    const card = keep(section) ? undefined : smallCard(section)
    if (card) {
      pending.push({ section, card })
      continue
    }
    flush()
    runs.push({ kind: 'single', section })
  }
  flush()
  return runs
}
