/**
 * The agenda: one numbered entry per section. Up to AGENDA_TILES_MAX entries are tiles in a grid
 * (2x2 for four, rows of three or four for more) that span the slide; longer agendas are a list in
 * two columns. Pure.
 */
import type { AgendaLayout, Slide, Span } from '../types'
import { BODY_H, BODY_W, linesFor } from './budget'
import { chunk } from './split'

export const AGENDA_TILES_MAX = 8
const TILE_GAP_PX = 14
/** Tile padding and border (styles/index.css .nd-agenda.tiles li), the number's line, the title's lines. */
const TILE_PAD_X = 38
const TILE_PAD_Y = 30
const NUMBER_LINE_PX = 36
/** List entries: font size and line height at scale 1, the gap between entries. */
const ENTRY_FONT_PX = 20
const ENTRY_LINE_PX = 32
const ENTRY_GAP_PX = 10
/** The entry number and its margin (two digits, bold). */
const NUMBER_PX = 44
const COLUMN_GAP_PX = 48

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
    const inner = (width - TILE_GAP_PX * (cols - 1)) / cols - TILE_PAD_X
    let h = 0
    for (let i = 0; i < items.length; i += cols)
      h += Math.max(...items.slice(i, i + cols).map(t => TILE_PAD_Y + (numbered ? NUMBER_LINE_PX : 0) + linesFor(t, inner, ENTRY_FONT_PX) * ENTRY_LINE_PX)) + TILE_GAP_PX
    return h - TILE_GAP_PX
  }
  const inner = (width - COLUMN_GAP_PX * (cols - 1)) / cols - NUMBER_PX
  const heights = items.map(i => linesFor(i, inner, ENTRY_FONT_PX) * ENTRY_LINE_PX + ENTRY_GAP_PX)
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
