// The text alternatives of diagrams: what each shows, from the notes, in the deck's language; and
// the page's language and document properties in the headmatter.
import { describe, expect, it } from 'vitest'
import { flowAlt, notesDiagramAlt, timelineAlt, treeAlt } from '../../scripts/pipeline/render/diagram-alt'
import type { Period } from '../../scripts/pipeline/types'
import { defaultDeck, deckFrom } from '../helpers'

const span = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }
const period = (name: string, start: string, end: string): Period => ({ name, start, end, description: 'ignored', span })

describe('diagram alternatives', () => {
  it('a timeline: its periods with their years, in order', () => {
    expect(timelineAlt([period('Static\npages', '1991', '1999'), period('Web 2.0', '2004', 'now')], 'en')).toBe('Timeline: Static pages (1991–1999); Web 2.0 (2004–now)')
    expect(timelineAlt([period('萌芽期', '1950', '2005')], 'zh')).toBe('时间线：萌芽期（1950–2005）')
  })

  it('a timeline of dated events: each date with what happened', () => {
    const event = (date: string, description: string): Period => ({ name: date, start: date, end: '', description, span })
    expect(timelineAlt([event('1994', 'BM25'), event('2020', 'RAG')], 'en')).toBe('Timeline: 1994: BM25; 2020: RAG')
  })

  it('a flow: its steps in order, start and end included', () => {
    expect(flowAlt({ start: 'Idea', steps: ['Draft', 'Review'], end: 'Print' }, 'en')).toBe('Flow: Idea → Draft → Review → Print')
    expect(flowAlt({ steps: ['预训练', '微调'] }, 'zh')).toBe('流程：预训练 → 微调')
  })

  it('a tree: the root, then each branch with its leaves', () => {
    const tree = { label: 'Models', children: [{ label: 'By input', children: [{ label: 'Text', children: [] }, { label: 'Image', children: [] }] }, { label: 'By use', children: [{ label: 'General', children: [] }] }] }
    expect(treeAlt(tree, 'en')).toBe('Classification: Models — By input: Text, Image; By use: General')
  })

  it('a diagram from the notes: its kind', () => {
    expect(notesDiagramAlt('flowchart LR\n  A --> B', 'en')).toBe('Diagram (flowchart)')
    expect(notesDiagramAlt('%% a comment\nsequenceDiagram\n  A->>B: hi', 'zh')).toBe('图表（sequenceDiagram）')
  })
})

describe('in the generated deck', () => {
  it('every diagram is a figure with its alternative, and the page has the notes\' language', async () => {
    const { markdown } = await defaultDeck()
    const diagrams = [...markdown.matchAll(/<div class="nd-diagram" role="img" aria-label="([^"]+)">/g)].map(m => m[1])
    expect(diagrams).toHaveLength(markdown.split('class="nd-diagram"').length - 1)
    expect(diagrams.length).toBeGreaterThanOrEqual(3)
    expect(diagrams.some(d => d!.startsWith('时间线：') && d!.includes('1950–2005'))).toBe(true)
    expect(markdown).toMatch(/^htmlAttrs:\n {2}lang: zh-CN$/m)
  })

  it('English notes: `lang: en`, the author and subtitle as document properties', async () => {
    const { markdown } = await deckFrom('---\nauthor: Ada\nsubtitle: A short tour\n---\n\n# Notes\n\n## One\n\nText.\n\n## Two\n\nMore text.\n', 'x.md')
    expect(markdown).toMatch(/^htmlAttrs:\n {2}lang: en$/m)
    expect(markdown).toMatch(/^author: "Ada"$/m)
    expect(markdown).toMatch(/^info: "A short tour"$/m)
  })
})
