/**
 * Filling the slide: a slide with little content is set larger (up to FILL_MAX times, 20 px body
 * text -> 28 px) and, when it is still short, centred under its title, instead of one line at the
 * top of an empty page. Pure.
 *
 * Everything under the title is scaled with CSS `zoom`, so content at scale `s` in the body width W
 * lays out exactly as content at scale 1 in width W / s, `s` times taller: the estimate below.
 */
import type { Block, Fill, LeadIn, Slide } from '../types'
import { BODY_H, BODY_W, CODE_FONT_PX, blockHeight, cardFitsWidth, codeWidthPx, gridHeight, linksHeight } from './budget'
import { agendaHeight } from './plan-agenda'

/** The largest scale: 20 px body text becomes 28 px. */
export const FILL_MAX = 1.4
const STEPS = [1.4, 1.3, 1.2, 1.1]
/** Room kept free at the bottom: estimates are estimates. */
const FILL_TARGET = 0.9
/** Content shorter than this share of the body height is centred under the title. */
const CENTER_BELOW = 0.6

/**
 * The fill for content whose height at scale 1 in `width` px is `heightAt(width)`, and the height it
 * then has; no larger than `most`.
 */
export function fillFor(heightAt: (width: number) => number, most = FILL_MAX): { fill?: Fill, height: number } {
  const base = heightAt(BODY_W)
  const scale = STEPS.filter(s => s <= most).find(s => s * heightAt(BODY_W / s) <= BODY_H * FILL_TARGET) ?? 1
  const height = scale === 1 ? base : scale * heightAt(BODY_W / scale)
  const center = height < BODY_H * CENTER_BELOW
  return { ...(scale > 1 || center ? { fill: { scale, center } } : {}), height: Math.round(height) }
}

/** Content that keeps its size: only centred when short. */
function centreOnly(height: number): { fill?: Fill, height: number } {
  return { ...(height < BODY_H * CENTER_BELOW ? { fill: { scale: 1, center: true } } : {}), height: Math.round(height) }
}

/** Height of blocks in `width` px, or, set larger (a narrower width), Infinity when a code line would no longer fit unwrapped. */
function blocksHeight(blocks: Block[], width: number): number {
  let h = 0
  for (const b of blocks) {
    if (width < BODY_W && b.kind === 'code' && !b.wrap && codeWidthPx(b.value, b.fontPx ?? CODE_FONT_PX) > width)
      return Number.POSITIVE_INFINITY
    h += blockHeight(b, width)
  }
  return h
}

const leadHeight = (lead: LeadIn | undefined, width: number) => (lead ? blockHeight(lead, width) : 0)

/** Adds the fill to the slides whose kind can be scaled: content, cards, links and the agenda; set at most `most` times larger. */
export function withFill(slide: Slide, most = FILL_MAX): Slide {
  const b = slide.body
  let fit: { fill?: Fill, height: number } | undefined
  // Images and the notes' own diagrams keep their size (they are sized to the slide already), and so
  // do slides whose code or table the planner had to set smaller (fit.ts): they are full as they are.
  const fixed = (x: Block) => x.kind === 'image' || (x.kind === 'code' && (x.lang === 'mermaid' || (x.fontPx ?? CODE_FONT_PX) < CODE_FONT_PX)) || (x.kind === 'table' && x.fontPx !== undefined)
  if (b.kind === 'content' && !b.large)
    fit = b.blocks.some(fixed) ? centreOnly(blocksHeight(b.blocks, BODY_W)) : fillFor(w => blocksHeight(b.blocks, w), most)
  else if (b.kind === 'cards')
    // Set larger only while every word still fits its card (zoom narrows the cards' text).
    fit = fillFor(w => leadHeight(b.lead, w) + (w === BODY_W || b.cards.every(c => cardFitsWidth(c, b.columns, w)) ? gridHeight(b.cards, b.columns, w) : Number.POSITIVE_INFINITY), most)
  else if (b.kind === 'links')
    fit = fillFor(w => leadHeight(b.lead, w) + linksHeight(b.links, w), most)
  else if (b.kind === 'agenda')
    fit = fillFor(w => agendaHeight(b.items, w, b.numbered), most)
  if (!fit)
    return slide
  const { fill: _, ...unfilled } = b as Slide['body'] & { fill?: Fill }
  return { ...slide, height: fit.height, body: (fit.fill ? { ...unfilled, fill: fit.fill } : unfilled) as Slide['body'] }
}

/** What a slide shows, by kind: the parts of a list or of a grid of cards show the same. */
const shapeOf = (s: Slide) => (s.body.kind === 'content' ? s.body.blocks.map(b => b.kind).join('+') : s.body.kind)

/**
 * The parts of one section (1/3, 2/3 …) that show the same kind of content (a list split over
 * slides, a grid of cards) read alike: all at the size the one that can be set least large takes (a
 * part alone could be zoomed further, but the next would then look smaller); each filled again at
 * that size. A part of another kind (a closing paragraph after a drawing) keeps its own size.
 */
export function evenParts(slides: Slide[]): Slide[] {
  const out = [...slides]
  const scaleOf = (s: Slide) => ('fill' in s.body && s.body.fill ? s.body.fill.scale : 1)
  for (let i = 0; i < out.length; i++) {
    const part = out[i]!.part
    if (part?.index !== 1)
      continue
    const group = out.slice(i, i + part.count)
    for (const shape of new Set(group.map(shapeOf))) {
      const alike = group.map((s, k) => ({ s, at: i + k })).filter(x => shapeOf(x.s) === shape)
      const least = Math.min(...alike.map(x => scaleOf(x.s)))
      for (const { s, at } of alike) {
        if (scaleOf(s) > least)
          out[at] = withFill(s, least)
      }
    }
  }
  return out
}
