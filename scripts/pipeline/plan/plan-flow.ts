/** A flow diagram whose steps are the list of methods in a section named by the deck config. Pure. */
import type { Block, PlanContext, Section, Slide, Span } from '../types'
import type { FlowConfig } from '../notes/config'
import { NotedeckError } from '../../core/errors'
import { flowPlan } from './diagram-plan'
import { plainText } from '../text'

export function hasFlow(sections: Section[], title: string): boolean {
  return findSection(sections, title) !== undefined
}

function findSection(sections: Section[], title: string): Section | undefined {
  for (const s of sections) {
    if (s.title === title)
      return s
    const inner = findSection(s.children, title)
    if (inner)
      return inner
  }
  return undefined
}

function firstList(section: Section): Extract<Block, { kind: 'list' | 'terms' }> | undefined {
  const own = section.blocks.find((b): b is Extract<Block, { kind: 'list' | 'terms' }> => b.kind === 'list' || b.kind === 'terms')
  if (own)
    return own
  for (const child of section.children) {
    const found = firstList(child)
    if (found)
      return found
  }
  return undefined
}

/**
 * A step's label: the item's text, with a trailing `(Long English Name, ABBR)` shortened to `(ABBR)`.
 * The full text stays in the speaker notes.
 */
export function stepLabel(text: string): string {
  const m = /^(.*?)\s*[（(][^()（）]*[,，]\s*([A-Z][A-Za-z0-9-]{1,11})\s*[)）]$/u.exec(text)
  return m?.[1] ? `${m[1]} (${m[2]})` : text
}

export function flowSlide(top: Section, flow: FlowConfig, ctx: PlanContext): { slide: Slide, after: Span } {
  const section = findSection([top], flow.section)
  const list = section && firstList(section)
  if (!section || !list) {
    throw new NotedeckError('NOTES_STRUCTURE', `the section "${flow.section}" has no list whose items could be the steps of its flow`, {
      ...(flow.where ? { where: flow.where } : {}),
      hint: 'add a bulleted list of the steps under that heading, or remove the flow from the deck config',
    })
  }
  const steps = list.kind === 'terms'
    ? list.items.map(i => i.term)
    : list.node.children.map(item => plainText(item.children[0] ?? item))
  const nodes = { ...(flow.start ? { start: flow.start } : {}), steps: steps.map(stepLabel), ...(flow.end ? { end: flow.end } : {}) }
  const slide: Slide = {
    title: flow.title ?? section.title,
    ...(section !== top ? { kicker: top.title } : {}),
    level: 2,
    body: { kind: 'diagram', diagram: flowPlan(nodes) },
    notes: [flow.start, ...steps, flow.end].filter((s): s is string => Boolean(s)).map((s, i) => `${i + 1}. ${s}`),
    source: list.span,
  }
  return { slide, after: list.span }
}
