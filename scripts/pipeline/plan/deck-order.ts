/**
 * The deck in order: the planned slides, with the hand-written extra slides placed where their
 * frontmatter says (after or before a top-level section, else at the end), numbered as Slidev
 * numbers them; and what later stages need to know about each (DeckSlide). Pure.
 */
import { type ExtraSlide, placeExtra } from '../notes/extra-slides'
import type { Deck, DeckSlide, LinkTarget, Plan, Slide } from '../types'
import { LANG_TAGS } from '../i18n'
import { speakerNotesText } from '../speaker-notes-text'
import { resolveAnchor } from '../notes/anchors'

export type Placed = { kind: 'planned', slide: Slide, index: number } | { kind: 'extra', extra: ExtraSlide }

export function deckOrder(slides: Slide[], extras: ExtraSlide[], file: string): Placed[] {
  // The first slide's frontmatter is the deck's headmatter: nothing goes before the cover.
  const placed = extras.map(extra => ({ extra, at: Math.max(1, placeExtra(extra, slides, file)) }))
  const extrasAt = (i: number): Placed[] => placed.filter(x => x.at === i).map(x => ({ kind: 'extra', extra: x.extra }))
  return [
    ...slides.flatMap((slide, index): Placed[] => [...extrasAt(index), { kind: 'planned', slide, index }]),
    ...placed.filter(x => x.at >= slides.length).map((x): Placed => ({ kind: 'extra', extra: x.extra })),
  ]
}

/** The deck in `order`, numbered from 1, as every stage after generation sees it. */
export function deckOf(plan: Plan, order: Placed[]): Deck {
  const cover = plan.slides[0]?.body.kind === 'cover' ? plan.slides[0].body : undefined
  return {
    title: plan.title,
    lang: LANG_TAGS[plan.lang],
    ...(cover?.author ? { author: cover.author } : {}),
    ...(cover?.subtitle ? { subtitle: cover.subtitle } : {}),
    ...(cover?.date ? { date: cover.date } : {}),
    slides: order.map((p, i) => deckSlide(p, i + 1)),
  }
}

function deckSlide(p: Placed, no: number): DeckSlide {
  if (p.kind === 'extra') {
    const { title, level, notes } = p.extra
    return { no, title, ...(level !== undefined ? { level } : {}), layout: 'extra', notes, text: notes, extra: true }
  }
  const { slide } = p
  return {
    no,
    title: slide.body.kind === 'cover' ? slide.body.title : slide.title,
    ...(slide.part ? { part: slide.part } : {}),
    level: slide.level,
    layout: slide.body.kind,
    notes: speakerNotesText(slide.notes),
    text: [slide.kicker, slide.notes.join('\n')].filter(Boolean).join('\n'),
    plan: p.index,
    ...(slide.source ? { line: slide.source.start.line, lines: [slide.source.start.line, slide.source.end.line] as [number, number] } : {}),
    ...(slide.height !== undefined ? { height: slide.height } : {}),
    ...(slide.budget ? { budget: slide.budget } : {}),
  }
}

/**
 * Where each in-page link of the notes leads: the slide that shows its heading (or, for a heading
 * shown inside another slide, the slide of the nearest heading before it), numbered as in the deck.
 */
export function linkTargets(order: Placed[], anchors: ReadonlyMap<string, number>): LinkTarget {
  const shown = order.flatMap((p, i) => p.kind === 'planned' ? (p.slide.anchors ?? []).map(line => ({ line, slide: i + 1 })) : []).sort((a, b) => a.line - b.line)
  return (url) => {
    const line = resolveAnchor(url, anchors)
    return line === undefined ? undefined : shown.filter(s => s.line <= line).at(-1)
  }
}
