/** Definition cards: groups of defined terms as a grid, a classification of groups as a tree. Pure. */
import type { BlockContent, Paragraph } from 'mdast'
import type { Block, Card, Columns, LeadIn, PlanContext, Section, Slide, Span } from '../types'
import { BODY_H, blockHeight, cardFitsWidth, cardHeight, gridHeight } from './budget'
import { chunk } from './split'
import { blockNotes, cardNotes } from './speaker-notes'
import { treePlan } from './diagram-plan'
import { plainText, sentences } from '../text'

/** A heading whose sub-headings are all terms with a definition and nothing else. */
export function isDefinitionGroup(section: Section): boolean {
  return section.children.length >= 2
    && section.children.every(c => c.definition && c.blocks.length === 0 && c.children.length === 0)
}

/** A heading whose sub-headings are all definition groups: a classification. */
export function isTaxonomy(section: Section): boolean {
  return section.children.length >= 2 && !section.definition && section.children.every(isDefinitionGroup)
}

export function taxonomySlide(section: Section, kicker: string | undefined, ctx: PlanContext): Slide {
  const tree = { label: section.title, children: section.children.map(g => ({ label: g.title, children: g.children.map(t => ({ label: t.title, children: [] })) })) }
  return {
    title: section.title,
    ...(kicker ? { kicker } : {}),
    level: 2,
    body: { kind: 'diagram', diagram: treePlan(tree) },
    notes: section.children.map(g => `${g.title}: ${g.children.map(t => t.title).join(ctx.lang === 'zh' ? '、' : ', ')}`),
    source: section.span,
  }
}

/** Keeps the lead sentences of a card that is too tall even alone; the full text stays in the notes. */
function abridge(card: Card, ctx: PlanContext, room = BODY_H): Card {
  const all = sentences(card.content.map(c => plainText(c)).join(' '))
  const make = (n: number): Card => ({ ...card, abridged: true, content: [{ type: 'paragraph', children: [{ type: 'text', value: `${all.slice(0, n).join('')} ${ctx.strings.abridged}` }] } as Paragraph] })
  let n = all.length - 1
  while (n > 1 && cardHeight(make(n), 1) > room)
    n--
  return make(Math.max(1, n))
}

/** Pages a grid of `columns` needs, with rows packed by height into `room`. */
function pagesAt(cards: Card[], columns: Columns, room: number): number {
  return chunk(chunk(cards, cs => cs.length, columns), rs => gridHeight(rs.flat(), columns), room).length
}

/**
 * The widest grid, up to three columns, in which every card fits; four columns for many short cards
 * (steps) when that saves a slide and leaves no card alone in the last row.
 */
function columnsFor(cards: Card[], room = BODY_H): Columns {
  const fits = (cols: Columns) => cards.length >= cols && cards.every(c => cardHeight(c, cols) <= room && cardFitsWidth(c, cols)) && (cols < 3 || gridHeight(cards.slice(0, cols), cols) <= room)
  const three = ([3, 2, 1] as const).find(fits) ?? 1
  if (three !== 3 || !fits(4) || cards.length % 4 === 1)
    return three
  const [four, threes] = [pagesAt(cards, 4, room), pagesAt(cards, 3, room)]
  // Four columns when they save a slide, or when three would leave one card alone in the last row.
  return four < threes || (four === threes && cards.length % 3 === 1) ? 4 : three
}

/**
 * Cards in a grid, over as many slides as they need. `lead`: the lead-in paragraph that introduces
 * them, shown above the first slide's cards (every slide keeps room for it, so that all read alike).
 */
export function gridSlides(title: string, kicker: string | undefined, input: Card[], source: Span | undefined, ctx: PlanContext, lead?: LeadIn): Slide[] {
  const room = BODY_H - (lead ? blockHeight(lead) : 0)
  const cards = input.map(c => (cardHeight(c, 1) > room ? abridge(c, ctx, room) : c))
  const columns = columnsFor(cards, room)
  const rows = chunk(cards, cs => cs.length, columns)
  const pages = chunk(rows, rs => gridHeight(rs.flat(), columns), room)
  // A page with fewer cards than columns (the last one) spreads them over its width.
  const columnsOf = (page: Card[]): Columns => (page.length < columns && page.every(c => cardHeight(c, page.length) <= room && cardFitsWidth(c, page.length)) ? page.length as Columns : columns)
  return pages.map((page, i) => {
    const first = i === 0 && lead
    return {
      title,
      ...(kicker ? { kicker } : {}),
      level: 2 as const,
      body: { kind: 'cards' as const, cards: page.flat(), columns: columnsOf(page.flat()), ...(first ? { lead } : {}) },
      notes: [...(first ? blockNotes(lead) : []), ...page.flat().map((c) => {
        const full = input.find(x => x.term === c.term && x.step === c.step) ?? c
        return cardNotes(full)
      })],
      ...(first && source ? { source: { start: lead.span.start, end: source.end } } : source ? { source } : {}),
    }
  })
}

export function cardSlides(title: string, kicker: string | undefined, terms: Section[], ctx: PlanContext): Slide[] {
  const cards: Card[] = terms.map(t => ({ term: t.title, content: t.definition?.content ?? [], abridged: false, ...(t.grow ? { grow: t.grow } : {}) }))
  const first = terms[0]
  const last = terms[terms.length - 1]
  const source = first && last ? { start: first.span.start, end: (last.definition?.span ?? last.span).end } : undefined
  return gridSlides(title, kicker, cards, source, ctx)
}

export function termCardSlides(title: string, kicker: string | undefined, block: Extract<Block, { kind: 'terms' }>, ctx: PlanContext, lead?: LeadIn): Slide[] {
  // An ordered list of term-led items is a sequence of steps: numbered cards.
  const start = block.node.ordered ? block.node.start ?? 1 : undefined
  const cards: Card[] = block.items.map((i, k) => ({
    ...(start !== undefined ? { step: String(start + k), heading: `${start + k}. ${i.term}` } : {}),
    term: i.term,
    abridged: false,
    ...(block.grow ? { grow: block.grow } : {}),
    content: [{ type: 'paragraph', children: i.description } as BlockContent],
  }))
  return gridSlides(title, kicker, cards, block.span, ctx, lead)
}
