/** Content slides: ordinary blocks packed to the layout budget; timelines, term lists and links get slides of their own. Pure. */
import type { Block, LeadIn, PlanContext, Slide, Span } from '../types'
import { blockNotes } from './speaker-notes'
import { fitBlock, fitList } from './fit'
import { isLeadIn, packBlocks, splitBlock } from './split'
import { BODY_H, BODY_W, CODE_PAD_PX, FONT_FLOOR_PX, blockHeight, linkTiles, codeUnitPx, codeWidthPx } from './budget'
import { DIAGRAM_MAX_PX } from '../geometry'
import { termCardSlides } from './plan-cards'
import { agendaLayout } from './plan-agenda'
import { timelinePlan } from './diagram-plan'
import { displayWidth } from '../char-width'
import { plainText, shortPlainText } from '../text'

/**
 * Periods per timeline slide: Mermaid draws each period 150 units wide whatever its text, so four
 * fill a slide's width only with labels under 16 px (measured: 15.3 px); three keep them at 16-19 px.
 */
export const TIMELINE_MAX = 3

/** `items` in as few groups of at most `most` as can be, their sizes differing by one at most (7 by 3: 3, 2, 2). */
export function balanced<T>(items: T[], most: number): T[][] {
  const groups = Math.ceil(items.length / most)
  const out: T[][] = []
  let at = 0
  for (let g = 0; g < groups; g++) {
    const size = Math.ceil((items.length - at) / (groups - g))
    out.push(items.slice(at, at += size))
  }
  return out
}

export function spanOfBlocks(blocks: Block[]): Span | undefined {
  const spans = blocks.map(b => (b.kind === 'image' ? b.image.span : b.span))
  const first = spans[0]
  const last = spans[spans.length - 1]
  return first && last ? { start: first.start, end: last.end } : undefined
}

/** Drops images that cannot be shown, with a line in the notes. (The renderer points the rest at their local copy.) */
function resolveImages(blocks: Block[], ctx: PlanContext): { blocks: Block[], notes: string[] } {
  const out: Block[] = []
  const notes: string[] = []
  for (const b of blocks) {
    if (b.kind !== 'image') {
      out.push(b)
      continue
    }
    if (ctx.images.get(b.image.url))
      out.push(b)
    else
      notes.push(ctx.strings.imageMissing(b.image.url))
  }
  return { blocks: out, notes }
}

/** Display width up to which a definition alone on a slide is set large. */
export const LARGE_QUOTE_MAX = 360

function isShortQuoteAlone(page: Block[]): boolean {
  const [only, ...rest] = page
  return rest.length === 0 && only?.kind === 'quote' && displayWidth(only.content.map(c => plainText(c)).join('')) <= LARGE_QUOTE_MAX
}

/** A list alone on a slide with at most this many items, each at most TILE_TEXT_MAX columns of plain text, is shown as tiles. */
const TILES_MAX = 6
const TILE_TEXT_MAX = 16

/**
 * A few short items alone on a slide (`切分文档`, `计算嵌入` …) as tiles across the slide, like the
 * agenda's, instead of a short column in an empty page; numbered when the list is. Plain items
 * only (no nesting, links or emphasis), so nothing is lost by showing their text.
 */
function tilesOf(page: Block[]): Extract<Slide['body'], { kind: 'agenda' }> | undefined {
  const [only, ...rest] = page
  if (rest.length || only?.kind !== 'list' || only.columns || only.node.children.length < 2 || only.node.children.length > TILES_MAX)
    return undefined
  const items: string[] = []
  for (const item of only.node.children) {
    const [para, ...more] = item.children
    const text = !more.length && para?.type === 'paragraph' ? shortPlainText(para, TILE_TEXT_MAX) : undefined
    if (!text)
      return undefined
    items.push(text)
  }
  return { kind: 'agenda', items, numbered: only.node.ordered === true, layout: agendaLayout(items) }
}

/** The notes' own diagrams on a page get the room the rest of the page leaves them. */
function withRoom(page: Block[]): Block[] {
  const diagrams = page.filter(b => b.kind === 'code' && b.lang === 'mermaid')
  if (!diagrams.length)
    return page
  const rest = page.filter(b => !diagrams.includes(b)).reduce((h, b) => h + blockHeight(b), 0)
  const room = Math.floor(Math.min(DIAGRAM_MAX_PX, (BODY_H - rest) / diagrams.length))
  return page.map(b => (diagrams.includes(b) && room < DIAGRAM_MAX_PX ? { ...b, room } : b))
}

function textSlides(title: string, kicker: string | undefined, blocks: Block[], extraNotes: string[]): Slide[] {
  return packBlocks(blocks).map(withRoom).map((page, i, pages) => {
    const source = spanOfBlocks(page)
    return {
      title,
      ...(kicker ? { kicker } : {}),
      level: 2 as const,
      body: tilesOf(page) ?? { kind: 'content' as const, blocks: page, ...(isShortQuoteAlone(page) ? { large: true } : {}) },
      notes: [...page.flatMap(blockNotes), ...(i === pages.length - 1 ? extraNotes : [])],
      ...(source ? { source } : {}),
    }
  })
}

export function contentSlides(title: string, kicker: string | undefined, input: Block[], ctx: PlanContext): Slide[] {
  const { blocks, notes: imageNotes } = resolveImages(input, ctx)
  const slides: Slide[] = []
  let pending: Block[] = []
  const flush = (extra: string[] = []) => {
    if (pending.length)
      slides.push(...textSlides(title, kicker, pending, extra))
    else if (extra.length && slides.length)
      slides[slides.length - 1]!.notes.push(...extra)
    pending = []
  }
  /** A lead-in at the end of what is pending introduces the block after it: it goes onto that block's first slide. */
  const takeLead = (): LeadIn | undefined => {
    const last = pending[pending.length - 1]
    if (!last || !isLeadIn(last) || blockHeight(last) > BODY_H / 4)
      return undefined
    pending.pop()
    return last
  }
  for (const block of blocks) {
    if (block.kind === 'timeline') {
      const lead = takeLead()
      flush()
      for (const [i, periods] of balanced(block.periods, TIMELINE_MAX).entries()) {
        const piece = { ...block, periods }
        const first = i === 0 && lead
        slides.push({ title, ...(kicker ? { kicker } : {}), level: 2, body: { kind: 'diagram', diagram: timelinePlan(periods), ...(first ? { lead, room: DIAGRAM_MAX_PX - blockHeight(lead) } : {}) }, notes: [...(first ? blockNotes(lead) : []), ...blockNotes(piece)], source: first ? { start: lead.span.start, end: block.span.end } : block.span })
      }
    }
    else if (block.kind === 'terms' && !block.node.ordered && fitList(block.node)) {
      // Many short `term: text` items read best as a list in two columns, not as a wall of tiny cards.
      pending.push(fitBlock({ kind: 'list', node: block.node, span: block.span, ...(block.grow ? { grow: block.grow } : {}) }))
    }
    else if (block.kind === 'terms') {
      const lead = takeLead()
      flush()
      slides.push(...termCardSlides(title, kicker, block, ctx, lead))
    }
    else if (block.kind === 'links') {
      const lead = takeLead()
      flush()
      for (const [i, piece] of splitBlock(block, BODY_H - (lead ? blockHeight(lead) : 0)).entries()) {
        const first = i === 0 && lead
        if (piece.kind === 'links')
          slides.push({ title, ...(kicker ? { kicker } : {}), level: 2, body: { kind: 'links', links: piece.links, tiles: linkTiles(piece.links), ...(first ? { lead } : {}) }, notes: [...(first ? blockNotes(lead) : []), ...blockNotes(piece)], source: first ? { start: lead.span.start, end: piece.span.end } : piece.span })
      }
    }
    else {
      const before = pending[pending.length - 1]
      const fitted = fitBlock(block, before && isLeadIn(before) ? BODY_H - blockHeight(before) : BODY_H)
      // A drawing cannot wrap: one wider than a slide at the smallest size will be cut (the export names it too).
      if (fitted.kind === 'code' && fitted.drawing && codeWidthPx(fitted.value, FONT_FLOOR_PX) > BODY_W)
        ctx.warnings.push({ message: `a drawing ${Math.round((codeWidthPx(fitted.value, FONT_FLOOR_PX) - CODE_PAD_PX) / codeUnitPx(FONT_FLOOR_PX))} columns wide does not fit a slide even at ${FONT_FLOOR_PX} px (${Math.floor((BODY_W - CODE_PAD_PX) / codeUnitPx(FONT_FLOOR_PX))} columns); it will be cut off`, span: fitted.span })
      pending.push(fitted)
    }
  }
  flush(imageNotes)
  if (imageNotes.length && slides.length === 0) {
    // The section held nothing but images that cannot be shown: keep its place in the deck, say why.
    const notice: Block = { kind: 'paragraph', node: { type: 'paragraph', children: [{ type: 'text', value: ctx.strings.imageOmitted }] }, span: input[0]!.kind === 'image' ? input[0]!.image.span : input[0]!.span }
    slides.push(...textSlides(title, kicker, [notice], imageNotes).map(s => ({ ...s, notes: imageNotes })))
  }
  return slides
}
