/**
 * The agenda: one numbered entry per section. Up to AGENDA_TILES_MAX entries are tiles in a grid
 * (2x2 for four, rows of three or four for more) that span the slide; longer agendas are a list in
 * two columns. Pure.
 */
import type { AgendaLayout, Slide, Span } from '../types'
import { BODY_H, BODY_W, linesFor } from './budget'
import { AGENDA, FONT_PX, GAP_PX, LINE_HEIGHT, LIST_COLUMN_GAP_PX, TILE, boxHeightPx, boxWidthPx } from '../geometry'
import { chunk } from './split'

export const AGENDA_TILES_MAX = 8
/** An entry's line at scale 1 (the body's text). */
const ENTRY_LINE_PX = FONT_PX * LINE_HEIGHT

export function agendaLayout(items: string[]): AgendaLayout {
  const n = items.length
  if (n <= AGENDA_TILES_MAX)
    return { kind: 'tiles', columns: n <= 3 ? n : n === 4 ? 2 : n <= 6 ? 3 : 4 }
  return { kind: 'list', columns: 2 }
}

/** Height of the agenda's entries (or a short list's tiles, `numbered` false: no number line), laid out in `width` px. */
export function agendaHeight(items: string[], width = BODY_W, numbered = true): number {
  const layout = agendaLayout(items)
  const cols = layout.columns
  if (layout.kind === 'tiles') {
    const inner = (width - GAP_PX * (cols - 1)) / cols - boxWidthPx(TILE.padX)
    let h = 0
    for (let i = 0; i < items.length; i += cols)
      h += Math.max(...items.slice(i, i + cols).map(t => boxHeightPx(TILE.padY) + (numbered ? AGENDA.numberLinePx : 0) + linesFor(t, inner, FONT_PX) * ENTRY_LINE_PX)) + GAP_PX
    return h - GAP_PX
  }
  const inner = (width - LIST_COLUMN_GAP_PX * (cols - 1)) / cols - AGENDA.numberWidthPx
  const heights = items.map(i => linesFor(i, inner, FONT_PX) * ENTRY_LINE_PX + AGENDA.entryGapPx)
  const total = heights.reduce((a, b) => a + b, 0)
  // Columns are balanced by the browser: about half the total, but never less than the tallest entry.
  return cols === 1 ? total : Math.max(...heights, Math.ceil(total / 2 + ENTRY_LINE_PX))
}

/**
 * Entries as tiles (numbered, as an agenda, or plain), over as many slides as they need: the agenda,
 * or headings with nothing under them. Each entry is in the slide's speaker notes too.
 */
export function tileSlides(title: string, kicker: string | undefined, items: string[], numbered: boolean, source?: Span, notes: string[] = items): Slide[] {
  let start = 0
  return chunk(items, its => agendaHeight(its, BODY_W, numbered), BODY_H).map((page) => {
    const from = start
    start += page.length
    return {
      title,
      ...(kicker ? { kicker } : {}),
      level: 2 as const,
      body: { kind: 'agenda' as const, items: page, numbered, layout: agendaLayout(page), ...(numbered && from ? { start: from + 1 } : {}) },
      notes: notes.slice(from, start),
      ...(source ? { source } : {}),
    }
  })
}
