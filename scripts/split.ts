/** Splitting content that does not fit one slide: lists by items, paragraphs by sentences, tables by rows, code by lines. Pure. */
import type { List, Paragraph, Table } from 'mdast'
import type { Block } from './types'
import { BODY_H, blockHeight } from './budget'
import { plainText, sentences } from './text'

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
      const asCode = (ls: string[]): Block => ({ ...block, value: ls.join('\n') })
      return chunk(block.value.split('\n'), ls => blockHeight(asCode(ls)), budget).map(asCode)
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

/** Packs blocks into pages of at most `budget` px, splitting blocks that are too tall on their own. */
export function packBlocks(blocks: Block[], budget = BODY_H): Block[][] {
  const pieces = blocks.flatMap(b => splitBlock(b, budget))
  return chunk(pieces, ps => ps.reduce((h, b) => h + blockHeight(b), 0), budget)
}

export { chunk }
