/**
 * The deck in order: the planned slides, with the hand-written extra slides placed where their
 * frontmatter says (after or before a top-level section, else at the end), numbered as Slidev
 * numbers them; and what later stages need to know about each (DeckSlide). Pure.
 */
import { type ExtraSlide, placeExtra } from '../notes/extra-slides'
import type { DeckSlide, LinkTarget, Slide } from '../types'
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

/** Each slide of the deck, numbered from 1, as the export and the check see it. */
export function deckSlides(order: Placed[]): DeckSlide[] {
  return order.map((p, i) => p.kind === 'extra'
    ? { no: i + 1, title: '', level: 2, extra: true }
    : { no: i + 1, title: p.slide.title, level: p.slide.level, plan: p.index, ...(p.slide.source ? { line: p.slide.source.start.line, lines: [p.slide.source.start.line, p.slide.source.end.line] as [number, number] } : {}), ...(p.slide.height !== undefined ? { height: p.slide.height } : {}) })
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
