/**
 * The export's feedback pass: a slide the browser drew taller than its slide (or whose boxes hid
 * part of it) is planned again, its content estimated as tall as it was measured. The notes' blocks
 * and sections on those lines carry the factor (`grow`), which every height estimate applies
 * (budget.ts), so the same splitting, columns and filling decide again from the measured sizes. Pure.
 */
import type { Block, Correction, Notes, Section, Span } from '../types'

/** The largest factor of a correction whose lines hold `line`, if any. */
function growAt(line: number, corrections: Correction[]): number | undefined {
  const factors = corrections.filter(c => line >= c.lines[0] && line <= c.lines[1]).map(c => c.grow)
  return factors.length ? Math.max(...factors) : undefined
}

const spanOf = (b: Block): Span => (b.kind === 'image' ? b.image.span : b.span)

function grown<T extends { grow?: number }>(x: T, line: number, corrections: Correction[]): T {
  const grow = growAt(line, corrections)
  return grow === undefined ? x : { ...x, grow }
}

function section(s: Section, corrections: Correction[]): Section {
  return {
    ...grown(s, s.span.start.line, corrections),
    blocks: s.blocks.map(b => grown(b, spanOf(b).start.line, corrections)),
    children: s.children.map(c => section(c, corrections)),
  }
}

/** The notes with the measured factors on the blocks and sections the corrections name. */
export function withCorrections(notes: Notes, corrections: Correction[] | undefined): Notes {
  if (!corrections?.length)
    return notes
  return { ...notes, intro: notes.intro.map(b => grown(b, spanOf(b).start.line, corrections)), sections: notes.sections.map(s => section(s, corrections)) }
}
