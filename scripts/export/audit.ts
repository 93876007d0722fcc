/**
 * What the browser's measurement of a printed page means for the export (pure): what must stop it
 * (the page's own problems, a slide that failed, a diagram that shows an error, an image that did
 * not load), and what of the notes a slide does not show (content outside the slide or hidden in a
 * box, characters no bundled font has), which the feedback pass plans again and the export reports.
 */
import { NotedeckError } from '../core/errors'
import { type Finding, findingsFor } from '../check/findings'
import type { PageAudit } from './printer'

/** Findings that say a printed file would be wrong whatever the layout: never printed. */
const BROKEN = new Set<Finding['kind']>(['render', 'diagram', 'image'])
/** Findings that say part of the notes would not be seen: planned again, then reported. */
const LOST = new Set<Finding['kind']>(['overflow', 'clipped', 'font'])

export const defaultSlideName = (no: number) => `slide ${no}`

/** What makes the page unfit to print, each named: its own problems, then its slides'. */
export function brokenParts(audit: PageAudit, name: (no: number) => string = defaultSlideName): string[] {
  const slides = audit.slides.flatMap((m, i) => findingsFor(i + 1, undefined, m).filter(f => BROKEN.has(f.kind)).map(f => `${name(i + 1)}: ${f.message}`))
  return [...audit.problems, ...slides]
}

/** Refuses to print a page that reported a problem (`brokenParts`): `[EXPORT_FAILED]` naming each. */
export function refuseBroken(audit: PageAudit, name?: (no: number) => string): void {
  const broken = brokenParts(audit, name)
  if (broken.length)
    throw new NotedeckError('EXPORT_FAILED', `the page of the slides reported problems, so nothing was printed:${broken.slice(0, 12).map(b => `\n  - ${b}`).join('')}`, { hint: 'the previous output was left in place; `npm run check` shows each slide\'s problems' })
}

/** What of the notes each slide does not show, one finding per slide and kind. */
export function lostParts(audit: PageAudit): Finding[] {
  return audit.slides.flatMap((m, i) => findingsFor(i + 1, undefined, m).filter(f => LOST.has(f.kind)))
}
