/**
 * The export's feedback pass and its report, pure: which slides the browser found not showing all
 * they hold, as corrections for the planner (the notes lines each showed, how much taller it was
 * drawn than planned), and how each is named to the user (`notes.md:42`, slide 7, its title).
 */
import { formatPoint } from '../core/errors'
import type { Finding } from '../check/findings'
import type { Correction, DeckSlide } from '../pipeline/types'
import { BODY_H } from '../pipeline/plan/budget'
import { lostParts } from './audit'
import type { PageAudit } from './printer'

/** Content that did not fit is planned at least this much taller (a margin over what was measured). */
const MARGIN = 1.05
/** Content a box hid, or that stuck out sideways, is planned this much taller at least: a card gives way to a slide of its own. */
const MIN_GROW = 1.2

/** Corrections for the slides whose content the browser found outside the slide or hidden in a box. */
export function correctionsFor(audit: PageAudit, deck: DeckSlide[]): Correction[] {
  const slides = new Set(lostParts(audit).filter(f => f.kind !== 'font').map(f => f.slide))
  return [...slides].flatMap((no) => {
    const slide = deck[no - 1]
    const body = audit.slides[no - 1]?.body
    if (!slide?.lines)
      return []
    const planned = slide.height ?? BODY_H
    return [{ lines: slide.lines, grow: Math.max(MIN_GROW, body ? (body / planned) * MARGIN : MIN_GROW) }]
  })
}

const titled = (deck: DeckSlide[], no: number) => `slide ${no}${deck[no - 1]?.title ? ` "${deck[no - 1]!.title}"` : ''}`
const whereOf = (deck: DeckSlide[], no: number, file: string) => {
  const s = deck[no - 1]
  return s?.line ? formatPoint({ file, line: s.line }) : s?.extra ? 'extra-slides.md' : undefined
}

/** `slide 7 "Title" (notes.md:42)` */
export function slideName(deck: DeckSlide[], file: string): (no: number) => string {
  return (no) => {
    const where = whereOf(deck, no, file)
    return `${titled(deck, no)}${where ? ` (${where})` : ''}`
  }
}

/** One line per finding, `notes.md:42: slide 7 "Title": content 40px outside the slide: …`. */
export function lostLines(findings: Finding[], deck: DeckSlide[], file: string): string[] {
  return findings.map((f) => {
    const where = whereOf(deck, f.slide, file)
    return `${where ? `${where}: ` : ''}${titled(deck, f.slide)}: ${f.message}`
  })
}
