/** Notes model + deck config -> the slide plan: which slides, which layouts, where content splits. Pure. */
import { basename, extname } from 'node:path'
import type { DeckConfig } from './config'
import type { Block, Notes, Section, Slide, Warning } from './types'
import { NotedeckError } from './errors'
import { type Lang, detectLang, stringsFor } from './i18n'
import { flowSlide, hasFlow } from './plan-flow'
import { cardSlides, isDefinitionGroup, isTaxonomy, taxonomySlide } from './plan-cards'
import { contentSlides } from './plan-content'

export interface PlanInput {
  notes: Notes
  config: DeckConfig
  /** Image URL as written in the notes -> URL to use on the slide, or undefined when it cannot be shown. */
  images: ReadonlyMap<string, string | undefined>
}

export interface Plan {
  title: string
  lang: Lang
  slides: Slide[]
  warnings: Warning[]
}

export interface PlanContext extends PlanInput {
  lang: Lang
  strings: ReturnType<typeof stringsFor>
  warnings: Warning[]
}

function sectionSlides(section: Section, kicker: string | undefined, ctx: PlanContext): Slide[] {
  if (isTaxonomy(section))
    return [taxonomySlide(section, kicker, ctx), ...section.children.flatMap(g => cardSlides(g.title, section.title, g.children, ctx)), ...contentSlides(section.title, kicker, section.blocks, ctx)]
  if (isDefinitionGroup(section))
    return [...cardSlides(section.title, kicker, section.children, ctx), ...contentSlides(section.title, kicker, section.blocks, ctx)]
  const own: Block[] = [
    ...(section.definition ? [{ kind: 'quote' as const, content: section.definition.content, span: section.definition.span }] : []),
    ...section.blocks,
  ]
  const slides = contentSlides(section.title, kicker, own, ctx)
  return [...slides, ...section.children.flatMap(c => sectionSlides(c, section.title, ctx))]
}

/** Inserts each configured flow after the slide that shows the list its steps come from. */
function withFlows(section: Section, slides: Slide[], ctx: PlanContext): Slide[] {
  const flows = ctx.config.flows.filter(f => hasFlow([section], f.section))
  let out = slides
  for (const flow of flows) {
    const { slide, after } = flowSlide(section, flow, ctx)
    const at = out.findIndex(s => s.source && s.source.start.line <= after.start.line && s.source.end.line >= after.end.line)
    const index = at >= 0 ? at + 1 : out.length
    out = [...out.slice(0, index), slide, ...out.slice(index)]
  }
  return out
}

export function planDeck(input: PlanInput): Plan {
  const lang = input.config.lang ?? detectLang(input.notes)
  const ctx: PlanContext = { ...input, lang, strings: stringsFor(lang), warnings: [] }
  const { notes, config } = input
  for (const flow of config.flows) {
    if (!hasFlow(notes.sections, flow.section))
      throw new NotedeckError('CONFIG_INVALID', `flows: no section titled "${flow.section}" in the notes`, { hint: 'use the exact text of a heading in the notes' })
  }
  const title = config.title ?? notes.title ?? basename(notes.file, extname(notes.file))
  const slides: Slide[] = [{
    title,
    level: 1,
    body: { kind: 'cover', title, ...(config.subtitle ? { subtitle: config.subtitle } : {}), ...(config.author ? { author: config.author } : {}), ...(config.date ? { date: config.date } : {}) },
    notes: [],
  }]
  slides.push(...contentSlides(ctx.strings.overview, undefined, notes.intro, ctx))
  if (notes.sections.length >= 2)
    slides.push({ title: ctx.strings.agenda, level: 1, body: { kind: 'agenda', items: notes.sections.map(s => s.title) }, notes: notes.sections.map(s => s.title) })
  for (const section of notes.sections) {
    const children = section.children.map(c => c.title)
    const inner = withFlows(section, sectionSlides(section, undefined, ctx).map(s => ({ ...s, level: 2 as const })), ctx)
    // A section that fits one slide needs no divider: that slide opens the section in the outline.
    if (inner.length === 1 && children.length === 0)
      slides.push({ ...inner[0]!, level: 1 })
    else
      slides.push({ title: section.title, level: 1, body: { kind: 'divider', ...(children.length ? { subtitle: children } : {}) }, notes: children, source: section.span }, ...inner)
  }
  return { title, lang, slides: numberParts(slides), warnings: ctx.warnings }
}

/** Consecutive slides with the same title and kicker are one section split over several slides: mark them 1/n. */
function numberParts(slides: Slide[]): Slide[] {
  const out = slides.map(s => ({ ...s }))
  let i = 0
  while (i < out.length) {
    let j = i + 1
    while (j < out.length && out[j]!.title === out[i]!.title && out[j]!.kicker === out[i]!.kicker && out[j]!.body.kind === out[i]!.body.kind && out[i]!.level === 2)
      j++
    if (j - i > 1) {
      for (let k = i; k < j; k++)
        out[k]!.part = { index: k - i + 1, count: j - i }
    }
    i = j
  }
  return out
}
