/** The full text behind a slide, for its speaker notes. Pure. */
import type { List } from 'mdast'
import type { Block, Card } from '../types'
import { plainText } from '../text'

function listLines(list: List, depth: number): string[] {
  const out: string[] = []
  list.children.forEach((item, i) => {
    // A task keeps its box: `- [x] done`, `- [ ] open`.
    const bullet = `${list.ordered ? `${(list.start ?? 1) + i}.` : '-'}${item.checked === true ? ' [x]' : item.checked === false ? ' [ ]' : ''}`
    const [first, ...rest] = item.children
    out.push(`${'  '.repeat(depth)}${bullet} ${first ? plainText(first) : ''}`)
    for (const child of rest)
      out.push(...(child.type === 'list' ? listLines(child, depth + 1) : [`${'  '.repeat(depth + 1)}${plainText(child)}`]))
  })
  return out
}

export function blockNotes(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph': return [plainText(block.node)]
    case 'list': return listLines(block.node, 0)
    case 'quote': return block.content.map(c => plainText(c))
    case 'table': return block.node.children.map(row => row.children.map(c => plainText(c)).join(' | '))
    case 'code': return [] // code is on the slide verbatim
    case 'image': return []
    case 'terms': return block.items.map(i => `- ${i.term}: ${plainText(i.description)}`)
    case 'links': return block.links.map(l => `- ${l.text}: ${l.url}`)
    case 'timeline': return block.periods.map(p => (p.end ? `- ${p.name} (${p.start}–${p.end}) ${p.description}` : `- ${p.name}: ${p.description}`).trimEnd())
  }
}

/** A card's notes: its term and text on one line, or its term over its lines (a list item by item, never run together). */
export function cardNotes(card: Card): string {
  const lines = card.content.flatMap(c => c.type === 'list' ? listLines(c, 0) : [plainText(c)])
  const term = card.heading ?? card.term
  return lines.length === 1 && card.content[0]?.type !== 'list' ? `${term}: ${lines[0]}` : `${term}:\n${lines.join('\n')}`
}
