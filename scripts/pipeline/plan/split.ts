/** Splitting content that does not fit one slide: lists by items, paragraphs by sentences, tables by rows, code by lines. Pure. */
import type { List, ListItem, Paragraph, Table } from 'mdast'
import type { Block } from '../types'
import { BODY_H, blockHeight } from './budget'
import { joinText, plainText, sentences, splitUnits } from '../text'
import { breakPoints, codePieces, drawingBreakPoints, isDrawing } from './code-shape'

/** A paragraph of plain text made of pieces of one (sentences, phrases), joined as they were written. */
const paragraphOf = (pieces: string[]): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: joinText(pieces) }] })

/** Greedy: take parts while they fit `budget`, always at least one. */
function greedy<T>(parts: T[], height: (ps: T[]) => number, budget: number): T[][] {
  const out: T[][] = []
  let cur: T[] = []
  for (const p of parts) {
    if (cur.length && height([...cur, p]) > budget) {
      out.push(cur)
      cur = []
    }
    cur.push(p)
  }
  if (cur.length)
    out.push(cur)
  return out
}

/**
 * As few pages as the greedy split needs, but evened out: the smallest budget that needs no more
 * pages than the greedy one (so a list of 11 items splits 6 + 5, not 10 + 1).
 */
function chunk<T>(parts: T[], height: (ps: T[]) => number, budget: number): T[][] {
  const pages = greedy(parts, height, budget)
  if (pages.length <= 1)
    return pages
  let lo = 0
  let hi = budget
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2
    if (greedy(parts, height, mid).length <= pages.length)
      hi = mid
    else lo = mid
  }
  return greedy(parts, height, hi)
}

/** Splits one block into pieces that each fit `budget` px (a piece may still overflow if it cannot be split). */
export function splitBlock(block: Block, budget = BODY_H): Block[] {
  if (blockHeight(block) <= budget)
    return [block]
  switch (block.kind) {
    case 'list': {
      const asList = (items: ListItem[]): Block => ({ ...block, node: { ...block.node, children: items } })
      // An item taller than a slide on its own is cut between (and inside) what it holds; each piece
      // stays an item of the same number, so a continuation reads `3.` again, not `1.`.
      const parts = block.node.children.flatMap((item, index) => {
        const fits = (children: ListItem['children']) => blockHeight(asList([{ ...item, children }])) <= budget
        return (fits(item.children) ? [item] : itemPieces(item, fits)).map(piece => ({ piece, index }))
      })
      const first = block.node.start ?? 1
      return chunk(parts, ps => blockHeight(asList(ps.map(p => p.piece))), budget)
        .map(ps => ({ ...block, node: { ...block.node, children: ps.map(p => p.piece), ...(block.node.ordered ? { start: first + ps[0]!.index } : {}) } }))
    }
    case 'paragraph': {
      const asPara = (ss: string[]): Block => ({ ...block, node: paragraphOf(ss) })
      return chunk(splitUnits(plainText(block.node), t => blockHeight(asPara([t])) <= budget), ss => blockHeight(asPara(ss)), budget).map(asPara)
    }
    case 'table': {
      const [head, ...rows] = block.node.children
      if (!head)
        return [block]
      const asTable = (rs: Table['children']): Block => ({ ...block, node: { ...block.node, children: [head, ...rs] } })
      return chunk(rows, rs => blockHeight(asTable(rs)), budget).map(asTable)
    }
    case 'code': {
      // A diagram is drawn whole, set smaller to its room (its `room`: plan-content.ts).
      if (block.lang === 'mermaid')
        return [block]
      // Code breaks between statements; a drawing (fit.ts has set it as small as it may be) only
      // when even then it is taller than a slide, between its boxes.
      const asCode = (ls: string[]): Block => ({ ...block, value: trimBlankLines(ls).join('\n') })
      const levels = isDrawing(block.value) ? drawingBreakPoints(block.value) : breakPoints(block.value)
      const pieces = codePieces(block.value, ls => blockHeight(asCode(ls)) <= budget, levels)
      return chunk(pieces, ps => blockHeight(asCode(ps.flat())), budget).map(ps => asCode(ps.flat()))
    }
    case 'quote': {
      // A definition taller than a slide: cut between (and inside) what it holds, each piece a card.
      const asQuote = (content: ListItem['children']): Block => ({ ...block, content: content as typeof block.content })
      const fits: Fits = content => blockHeight(asQuote(content)) <= budget
      const units = block.content.flatMap(child => (fits([child]) ? [child] : nestedPieces(child, fits)))
      return chunk(units, us => blockHeight(asQuote(us)), budget).map(asQuote)
    }
    case 'terms': {
      const asTerms = (items: typeof block.items): Block => ({ ...block, items })
      return chunk(block.items, items => blockHeight(asTerms(items)), budget).map(asTerms)
    }
    case 'links': {
      const asLinks = (links: typeof block.links): Block => ({ ...block, links })
      return chunk(block.links, links => blockHeight(asLinks(links)), budget).map(asLinks)
    }
    default:
      return [block]
  }
}

type Fits = (children: ListItem['children']) => boolean

/** A list item too tall for a slide as items holding what fits, in order: its children, cut where they must be. */
function itemPieces(item: ListItem, fits: Fits): ListItem[] {
  const units = item.children.flatMap(child => (fits([child]) ? [child] : nestedPieces(child, fits)))
  return greedy(units, us => (fits(joinLists(us)) ? 0 : 1), 0).map(children => ({ ...item, children: joinLists(children) }))
}

/** Pieces of one nested list that end up side by side are one list again. */
function joinLists(children: ListItem['children']): ListItem['children'] {
  return children.reduce<ListItem['children']>((out, c) => {
    const last = out[out.length - 1]
    if (last?.type === 'list' && c.type === 'list' && last.ordered === c.ordered)
      out[out.length - 1] = { ...last, children: [...last.children, ...c.children] }
    else
      out.push(c)
    return out
  }, [])
}

/** What a list item holds, cut: code between statements, a nested list by items, a paragraph by sentences, a table by rows. */
function nestedPieces(node: ListItem['children'][number], fits: Fits): ListItem['children'] {
  switch (node.type) {
    case 'code': {
      const asCode = (ls: string[]) => ({ ...node, value: trimBlankLines(ls).join('\n') })
      const levels = isDrawing(node.value) ? drawingBreakPoints(node.value) : breakPoints(node.value)
      return codePieces(node.value, ls => fits([asCode(ls)]), levels).map(asCode)
    }
    case 'list':
      return node.children.flatMap((item, i) => {
        const asNested = (items: ListItem[]): List => ({ ...node, children: items, ...(node.ordered ? { start: (node.start ?? 1) + i } : {}) })
        const inner: Fits = children => fits([asNested([{ ...item, children }])])
        return (inner(item.children) ? [item] : itemPieces(item, inner)).map(piece => asNested([piece]))
      })
    case 'paragraph': {
      return greedy(splitUnits(plainText(node), t => fits([paragraphOf([t])])), ss => (fits([paragraphOf(ss)]) ? 0 : 1), 0).map(paragraphOf)
    }
    case 'table': {
      const [head, ...rows] = node.children
      return head ? greedy(rows, rs => (fits([{ ...node, children: [head, ...rs] }]) ? 0 : 1), 0).map(rs => ({ ...node, children: [head, ...rs] })) : [node]
    }
    default:
      return [node]
  }
}

function trimBlankLines(lines: string[]): string[] {
  let [a, b] = [0, lines.length]
  while (a < b && !lines[a]!.trim()) a++
  while (b > a && !lines[b - 1]!.trim()) b--
  return lines.slice(a, b)
}

/** A paragraph that ends with a colon introduces the block after it: `结果：`, `as follows:`. */
export function isLeadIn(block: Block): block is Extract<Block, { kind: 'paragraph' }> {
  return block.kind === 'paragraph' && /[:：]\s*$/u.test(plainText(block.node))
}

/**
 * Packs blocks into pages of at most `budget` px, splitting blocks that are too tall on their own.
 * A lead-in stays on the page of the first piece of the block it introduces.
 */
export function packBlocks(blocks: Block[], budget = BODY_H): Block[][] {
  const units: Block[][] = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    const next = blocks[i + 1]
    if (isLeadIn(block) && next) {
      units.push(...leadInUnits(block, next, budget))
      i++
      continue
    }
    units.push(...splitBlock(block, budget).map(p => [p]))
  }
  return chunk(units, us => us.flat().reduce((h, b) => h + blockHeight(b), 0), budget).map(us => us.flat())
}

/**
 * A lead-in and the block it introduces, as units of pages: the lead-in on the page of the block's
 * first piece. A lead-in too long to share a page with that piece keeps only its last sentence
 * there (the one that introduces), its sentences before on pages of their own.
 */
function leadInUnits(lead: Extract<Block, { kind: 'paragraph' }>, next: Block, budget: number): Block[][] {
  const [first, ...rest] = splitBlock(next, Math.max(budget / 2, budget - blockHeight(lead)))
  if (blockHeight(lead) + blockHeight(first!) <= budget)
    return [[lead, first!], ...rest.map(p => [p])]
  const said = sentences(plainText(lead.node))
  if (said.length < 2)
    return [[lead], ...splitBlock(next, budget).map(p => [p])]
  const asPara = (ss: string[]): Extract<Block, { kind: 'paragraph' }> => ({ ...lead, node: paragraphOf(ss) })
  return [...splitBlock(asPara(said.slice(0, -1)), budget).map(p => [p]), ...leadInUnits(asPara(said.slice(-1)), next, budget)]
}

export { chunk }
