/**
 * What the check reports, from what it measured in the browser: pure. The measuring itself runs in
 * the page (`scripts/page/in-page/`, bundled by `page/bundle.ts`); `check.ts` drives the browser.
 */
import type { Measurement } from '../page/measurement'
import { BODY_H, BODY_W, DIAGRAM_FILL_MIN, DIAGRAM_LABEL_MIN_PX } from '../pipeline/geometry'

export type { Measurement } from '../page/measurement'

export type FindingKind = 'render' | 'overflow' | 'clipped' | 'label' | 'diagram' | 'diagram-size' | 'image' | 'font' | 'network' | 'contrast' | 'mono' | 'sparse'

export interface Finding {
  /** 1-based slide number. */
  slide: number
  /** Line in the notes the slide comes from. */
  line?: number
  kind: FindingKind
  message: string
}

/** A content slide whose content covers less than this share of the slide is reported as sparse. */
export const SPARSE_BELOW = 0.2

/** Content slides: what a speaker talks over, i.e. neither the cover nor a section divider. */
export const isContentLayout = (layout: string | undefined) => layout === 'default' || layout === 'other'

/** A drawn diagram too small for a room: labels under DIAGRAM_LABEL_MIN_PX, or drawn in less than DIAGRAM_FILL_MIN of the body both ways. */
export function diagramSize(d: Measurement['diagrams'][number]): string[] {
  const out: string[] = []
  if (d.smallestLabel !== undefined && d.smallestLabel < DIAGRAM_LABEL_MIN_PX)
    out.push(`diagram labels ${d.smallestLabel} px, under ${DIAGRAM_LABEL_MIN_PX} px (too small to read from the back of a room)`)
  if (d.drawn && d.drawn.width < DIAGRAM_FILL_MIN * BODY_W && d.drawn.height < DIAGRAM_FILL_MIN * BODY_H)
    out.push(`diagram draws ${d.drawn.width} x ${d.drawn.height} px, under ${DIAGRAM_FILL_MIN * 100} % of the room's width (${BODY_W} px) and of its height (${BODY_H} px)`)
  return out
}

/** Measurements of one slide -> findings. Pure. */
export function findingsFor(slide: number, line: number | undefined, m: Measurement): Finding[] {
  const at = { slide, ...(line ? { line } : {}) }
  if (m.error)
    return [{ ...at, kind: 'render', message: m.error }]
  return [
    ...(m.failed ? [{ ...at, kind: 'render' as const, message: `the slide did not render: ${m.failed}` }] : []),
    ...m.overflow.slice(0, 1).map(o => ({ ...at, kind: 'overflow' as const, message: `content ${o.px}px outside the slide: ${o.what}` })),
    ...m.clipped.slice(0, 1).map(o => ({ ...at, kind: 'clipped' as const, message: `content ${o.px}px wider or taller than the box that holds it (cut off): ${o.what}` })),
    ...m.labels.map(l => ({ ...at, kind: 'label' as const, message: `diagram label ${l.px}px outside its box: "${l.what}"` })),
    ...m.diagrams.filter(d => !d.rendered).map(d => ({ ...at, kind: 'diagram' as const, message: `diagram did not render${d.error ? `: ${d.error}` : ''}` })),
    ...m.diagrams.flatMap(d => diagramSize(d).map(message => ({ ...at, kind: 'diagram-size' as const, message }))),
    ...m.contrast.slice(0, 3).map(c => ({ ...at, kind: 'contrast' as const, message: `text contrast ${c.ratio}:1, needs ${c.needs}:1: "${c.what}"` })),
    ...m.images.map(src => ({ ...at, kind: 'image' as const, message: `broken image: ${src}` })),
    ...(m.mono ?? []).map(what => ({ ...at, kind: 'mono' as const, message: `code columns do not line up: ${what}` })),
    ...(isContentLayout(m.layout) && m.coverage !== undefined && m.coverage < SPARSE_BELOW ? [{ ...at, kind: 'sparse' as const, message: `content covers ${Math.round(m.coverage * 100)}% of the slide (less than ${SPARSE_BELOW * 100}%)` }] : []),
    ...(m.missing.length ? [{ ...at, kind: 'font' as const, message: `characters not in the bundled font (tofu without it): ${m.missing.map(c => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}` }] : []),
  ]
}
