/** Splitting content that does not fit one slide: lists by items, paragraphs by sentences, tables by rows, code by lines. Pure. */
import type { List, Paragraph, Table } from 'mdast'
import type { Block } from '../types'
import { BODY_H, blockHeight } from './budget'
import { plainText, sentences } from '../text'
import { codePieces, isDrawing } from './code-shape'

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
      const asList = (items: List['children']): Block => ({ ...block, node: { ...block.node, children: items } })
      const groups = chunk(block.node.children, items => blockHeight(asList(items)), budget)
      let start = block.node.start ?? 1
      return groups.map((items) => {
        const piece: Block = { ...block, node: { ...block.node, children: items, ...(block.node.ordered ? { start } : {}) } }
        start += items.length
        return piece
      })
    }
    case 'paragraph': {
      const asPara = (ss: string[]): Block => ({ ...block, node: { type: 'paragraph', children: [{ type: 'text', value: ss.join('') }] } as Paragraph })
      return chunk(sentences(plainText(block.node)), ss => blockHeight(asPara(ss)), budget).map(asPara)
    }
    case 'table': {
      const [head, ...rows] = block.node.children
      if (!head)
        return [block]
      const asTable = (rs: Table['children']): Block => ({ ...block, node: { ...block.node, children: [head, ...rs] } })
      return chunk(rows, rs => blockHeight(asTable(rs)), budget).map(asTable)
    }
    case 'code': {
      // A drawing stays whole (fit.ts has set it as small as it may be); other code breaks between statements.
      if (isDrawing(block.value))
        return [block]
      const asCode = (ls: string[]): Block => ({ ...block, value: trimBlankLines(ls).join('\n') })
      const pieces = codePieces(block.value, ls => blockHeight(asCode(ls)) <= budget)
      return chunk(pieces, ps => blockHeight(asCode(ps.flat())), budget).map(ps => asCode(ps.flat()))
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

function trimBlankLines(lines: string[]): string[] {
  let [a, b] = [0, lines.length]
  while (a < b && !lines[a]!.trim()) a++
  while (b > a && !lines[b - 1]!.trim()) b--
  return lines.slice(a, b)
}

/** A paragraph that ends with a colon introduces the block after it: `结果：`, `as follows:`. */
export function isLeadIn(block: Block): boolean {
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
    if (isLeadIn(block) && next && blockHeight(block) < budget / 2) {
      const [first, ...rest] = splitBlock(next, budget - blockHeight(block))
      units.push([block, first!], ...rest.map(p => [p]))
      i++
      continue
    }
    units.push(...splitBlock(block, budget).map(p => [p]))
  }
  return chunk(units, us => us.flat().reduce((h, b) => h + blockHeight(b), 0), budget).map(us => us.flat())
}

export { chunk }
