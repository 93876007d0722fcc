/** Definition cards: groups of defined terms as a grid, a classification of groups as a tree. Pure. */
import type { BlockContent, Paragraph } from 'mdast'
import type { Block, Card, Columns, PlanContext, Section, Slide, Span } from '../types'
import { BODY_H, cardFitsWidth, cardHeight, gridHeight } from './budget'
import { chunk } from './split'
import { cardNotes } from './speaker-notes'
import { treeAlt } from '../render/diagram-alt'
import { treeDiagram } from '../render/mermaid'
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
    body: { kind: 'diagram', mermaid: treeDiagram(tree), alt: treeAlt(tree, ctx.lang) },
    notes: section.children.map(g => `${g.title}: ${g.children.map(t => t.title).join(ctx.lang === 'zh' ? '、' : ', ')}`),
    source: section.span,
  }
}

/** Keeps the lead sentences of a card that is too tall even alone; the full text stays in the notes. */
function abridge(card: Card, ctx: PlanContext): Card {
  const all = sentences(card.content.map(c => plainText(c)).join(' '))
  const make = (n: number): Card => ({ ...card, abridged: true, content: [{ type: 'paragraph', children: [{ type: 'text', value: `${all.slice(0, n).join('')} ${ctx.strings.abridged}` }] } as Paragraph] })
  let n = all.length - 1
  while (n > 1 && cardHeight(make(n), 1) > BODY_H)
    n--
  return make(Math.max(1, n))
}

/** Pages a grid of `columns` needs, with rows packed by height. */
function pagesAt(cards: Card[], columns: Columns): number {
  return chunk(chunk(cards, cs => cs.length, columns), rs => gridHeight(rs.flat(), columns), BODY_H).length
}

/**
 * The widest grid, up to three columns, in which every card fits; four columns for many short cards
 * (steps) when that saves a slide and leaves no card alone in the last row.
 */
function columnsFor(cards: Card[]): Columns {
  const fits = (cols: Columns) => cards.length >= cols && cards.every(c => cardHeight(c, cols) <= BODY_H && cardFitsWidth(c, cols)) && (cols < 3 || gridHeight(cards.slice(0, cols), cols) <= BODY_H)
  const three = ([3, 2, 1] as const).find(fits) ?? 1
  if (three !== 3 || !fits(4) || cards.length % 4 === 1)
    return three
  const [four, threes] = [pagesAt(cards, 4), pagesAt(cards, 3)]
  // Four columns when they save a slide, or when three would leave one card alone in the last row.
  return four < threes || (four === threes && cards.length % 3 === 1) ? 4 : three
}

export function gridSlides(title: string, kicker: string | undefined, input: Card[], source: Span | undefined, ctx: PlanContext): Slide[] {
  const cards = input.map(c => (cardHeight(c, 1) > BODY_H ? abridge(c, ctx) : c))
  const columns = columnsFor(cards)
  const rows = chunk(cards, cs => cs.length, columns)
  const pages = chunk(rows, rs => gridHeight(rs.flat(), columns), BODY_H)
  // A page with fewer cards than columns (the last one) spreads them over its width.
  const columnsOf = (page: Card[]): Columns => (page.length < columns && page.every(c => cardHeight(c, page.length) <= BODY_H && cardFitsWidth(c, page.length)) ? page.length as Columns : columns)
  return pages.map(page => ({
    title,
    ...(kicker ? { kicker } : {}),
    level: 2 as const,
    body: { kind: 'cards' as const, cards: page.flat(), columns: columnsOf(page.flat()) },
    notes: page.flat().map((c) => {
      const full = input.find(x => x.term === c.term && x.step === c.step) ?? c
      return cardNotes(full)
    }),
    ...(source ? { source } : {}),
  }))
}

export function cardSlides(title: string, kicker: string | undefined, terms: Section[], ctx: PlanContext): Slide[] {
  const cards: Card[] = terms.map(t => ({ term: t.title, content: t.definition?.content ?? [], abridged: false, ...(t.grow ? { grow: t.grow } : {}) }))
  const first = terms[0]
  const last = terms[terms.length - 1]
  const source = first && last ? { start: first.span.start, end: (last.definition?.span ?? last.span).end } : undefined
  return gridSlides(title, kicker, cards, source, ctx)
}

export function termCardSlides(title: string, kicker: string | undefined, block: Extract<Block, { kind: 'terms' }>, ctx: PlanContext): Slide[] {
  // An ordered list of term-led items is a sequence of steps: numbered cards.
  const start = block.node.ordered ? block.node.start ?? 1 : undefined
  const cards: Card[] = block.items.map((i, k) => ({
    ...(start !== undefined ? { step: String(start + k), heading: `${start + k}. ${i.term}` } : {}),
    term: i.term,
    abridged: false,
    ...(block.grow ? { grow: block.grow } : {}),
    content: [{ type: 'paragraph', children: i.description } as BlockContent],
  }))
  return gridSlides(title, kicker, cards, block.span, ctx)
}
