/** Notes model + deck config -> the slide plan: which slides, which layouts, where content splits. Pure. */
import { basename, extname } from 'node:path'
import type { Block, Plan, PlanContext, PlanInput, Section, Slide } from '../types'
import { budgets } from './timing'
import { shortPlainText } from '../text'
import { detectLang, stringsFor } from '../i18n'
import { flowSlide, hasFlow } from './plan-flow'
import { cardSlides, gridSlides, isDefinitionGroup, isTaxonomy, taxonomySlide } from './plan-cards'
import { contentSlides } from './plan-content'
import { evenParts, withFill } from './plan-fill'
import { tileSlides } from './plan-agenda'
import { withCorrections } from './corrections'
import { type Run, ownBlocks, runsOf, stepOf } from './plan-group'

export type { Plan, PlanContext, PlanInput } from '../types'

/** A section a configured flow is drawn from (or holding one) keeps slides of its own. */
const hasFlowIn = (section: Section, ctx: PlanContext) => (ctx.config.flows ?? []).some(f => hasFlow([section], f.section))

/** The first slide of a section is where links to its heading lead. */
function anchored(slides: Slide[], lines: number[]): Slide[] {
  const [first, ...rest] = slides
  return first ? [{ ...first, anchors: [...lines, ...(first.anchors ?? [])] }, ...rest] : slides
}

/** A run of small sibling sections as card slides; each slide is where links to its cards' headings lead. */
function runSlides(run: Extract<Run, { kind: 'cards' }>, title: string, kicker: string | undefined, ctx: PlanContext): Slide[] {
  const first = run.sections[0]!
  const last = run.sections[run.sections.length - 1]!
  const source = { start: first.span.start, end: last.span.end }
  // Headings with nothing under them are titles, not empty cards: tiles, numbered when they are steps.
  const slides = run.cards.every(c => !c.content.length)
    // Tiles number themselves 01, 02 …: steps numbered only by digits become those numbers; others (`Step 1`, `第一步`) keep their headings whole.
    ? (run.cards.every(c => c.step && /^\d+$/.test(c.step))
        ? tileSlides(title, kicker, run.cards.map(c => c.term), true, source)
        : tileSlides(title, kicker, run.cards.map(c => c.heading ?? c.term), false, source))
    : gridSlides(title, kicker, run.cards, source, ctx)
  let at = 0
  return slides.map((slide) => {
    const count = slide.body.kind === 'cards' ? slide.body.cards.length : slide.body.kind === 'agenda' ? slide.body.items.length : 0
    const lines = run.sections.slice(at, at + count).map(s => s.span.start.line)
    at += count
    return { ...slide, anchors: lines }
  })
}

function sectionSlides(section: Section, kicker: string | undefined, ctx: PlanContext): Slide[] {
  const line = [section.span.start.line]
  if (isTaxonomy(section))
    return anchored([taxonomySlide(section, kicker, ctx), ...section.children.flatMap(g => anchored(cardSlides(g.title, section.title, g.children, ctx), [g.span.start.line])), ...contentSlides(section.title, kicker, section.blocks, ctx)], line)
  if (isDefinitionGroup(section))
    return anchored([...cardSlides(section.title, kicker, section.children, ctx), ...contentSlides(section.title, kicker, section.blocks, ctx)], line)
  const slides = contentSlides(section.title, kicker, ownBlocks(section), ctx)
  const children = runsOf(section.children, s => hasFlowIn(s, ctx)).flatMap(run => run.kind === 'single'
    ? sectionSlides(run.section, section.title, ctx)
    : runSlides(run, section.title, kicker, ctx))
  return anchored([...slides, ...children], line)
}

/** Inserts each configured flow after the slide that shows the list its steps come from. */
function withFlows(section: Section, slides: Slide[], ctx: PlanContext): Slide[] {
  const flows = (ctx.config.flows ?? []).filter(f => hasFlow([section], f.section))
  let out = slides
  for (const flow of flows) {
    const { slide, after } = flowSlide(section, flow, ctx)
    const at = out.findIndex(s => s.source && s.source.start.line <= after.start.line && s.source.end.line >= after.end.line)
    const index = at >= 0 ? at + 1 : out.length
    out = [...out.slice(0, index), slide, ...out.slice(index)]
  }
  return out
}

/** A line under the notes' title this short (display columns) is the cover's subtitle. */
const TAGLINE_MAX = 60

/**
 * The notes' introduction when it is one short line of plain text (`# Title`, then `A short line.`):
 * a subtitle for the cover rather than a slide of its own with one sentence on it.
 */
function taglineOf(intro: Block[]): string | undefined {
  const [only, ...rest] = intro
  const text = !rest.length && only?.kind === 'paragraph' ? shortPlainText(only.node, TAGLINE_MAX) : undefined
  return text && !text.includes('\n') ? text : undefined
}

export function planDeck(input: PlanInput): Plan {
  const lang = input.config.lang ?? detectLang(input.notes)
  const notes = withCorrections(input.notes, input.corrections)
  const ctx: PlanContext = { ...input, notes, lang, strings: stringsFor(lang), warnings: [] }
  const { config } = input
  for (const flow of config.flows ?? []) {
    // Settings written for other notes (a deck.yaml left beside new notes) must not stop the deck.
    if (!hasFlow(notes.sections, flow.section))
      ctx.warnings.push({ message: `flows: no section titled "${flow.section}" in ${notes.file}; that flow is left out (are these settings for other notes? edit or delete them)`, ...(flow.where ? { where: flow.where } : {}) })
  }
  const title = config.title ?? notes.title ?? basename(notes.file, extname(notes.file))
  const tagline = config.subtitle ? undefined : taglineOf(notes.intro)
  const subtitle = config.subtitle ?? tagline
  const slides: Slide[] = [{
    title,
    level: 1,
    body: { kind: 'cover', title, ...(subtitle ? { subtitle } : {}), ...(config.author ? { author: config.author } : {}), ...(config.date ? { date: config.date } : {}) },
    notes: tagline ? [tagline] : [],
  }]
  if (!tagline)
    slides.push(...contentSlides(ctx.strings.overview, undefined, notes.intro, ctx))
  // Top-level sections too small for a slide each share one, as one agenda entry.
  const runs = runsOf(notes.sections, s => hasFlowIn(s, ctx))
  const entry = (run: Run) => (run.kind === 'single' ? run.section.title : runTitle(run.sections))
  if (runs.length >= 2)
    slides.push(...tileSlides(ctx.strings.agenda, undefined, agendaItems(runs.map(entry)), true, undefined, runs.map(entry)).map((s): Slide => ({ ...s, level: 1 })))
  for (const run of runs) {
    if (run.kind === 'cards') {
      const [first, ...rest] = runSlides(run, entry(run), undefined, ctx)
      slides.push({ ...first!, level: 1 }, ...rest.map(s => ({ ...s, level: 2 as const })))
      continue
    }
    const section = run.section
    const children = section.children.map(c => c.title)
    const inner = withFlows(section, sectionSlides(section, undefined, ctx).map(s => ({ ...s, level: 2 as const })), ctx)
    // A section that fits one slide needs no divider: that slide opens the section in the outline.
    if (inner.length === 1)
      slides.push({ ...inner[0]!, level: 1 })
    else
      slides.push({ title: section.title, level: 1, body: { kind: 'divider', ...(children.length ? { subtitle: children } : {}) }, notes: children, source: section.span, anchors: inner[0]?.anchors ?? [] }, ...inner.map((s, i) => (i === 0 ? { ...s, anchors: [] } : s)))
  }
  const planned = evenParts(numberParts(slides.map(s => withFill(s)))).map(s => (s.anchors?.length ? s : dropAnchors(s)))
  const times = budgets(planned, config.duration, input.rehearsal)
  return { title, lang, slides: planned.map((s, i) => ({ ...s, budget: times[i]! })), talk: times.reduce((a, b) => a + b, 0), warnings: ctx.warnings }
}

function dropAnchors(slide: Slide): Slide {
  const { anchors: _, ...rest } = slide
  return rest
}

/**
 * The agenda numbers its entries: sections numbered 1, 2, 3 … in their titles (`一、概述`,
 * `2. Setup`) are listed without their own numbers, which would say the same twice.
 */
function agendaItems(titles: string[]): string[] {
  const steps = titles.map(stepOf)
  return steps.every((s, i) => s?.rest && s.step === String(i + 1)) ? steps.map(s => s!.rest) : titles
}

/** The title of a run of top-level sections shown together: their titles, or the first and last of many. */
function runTitle(sections: Section[]): string {
  const titles = sections.map(s => s.title)
  return titles.length <= 3 ? titles.join(' · ') : `${titles[0]} – ${titles[titles.length - 1]}`
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
