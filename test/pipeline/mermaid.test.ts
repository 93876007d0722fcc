import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { mermaidOf } from '../../scripts/pipeline/render/mermaid'
import { flowPlan, timelinePlan, treePlan } from '../../scripts/pipeline/plan/diagram-plan'
import type { FlowNodes, Period, TreeNode } from '../../scripts/pipeline/types'
import { FIXTURES, deckFrom, defaultDeck, mermaidBlocks, readText } from '../helpers'

// Mermaid's parser needs a DOM (for DOMPurify) when it loads; a jsdom window stands in for the browser's.
const g = globalThis as Record<string, unknown>
g.window ??= new JSDOM('').window
g.document ??= (g.window as Window).document
const { default: mermaid } = await import('mermaid')

// The diagrams as planned, then written: what the deck holds.
const timelineDiagram = (periods: Period[]) => mermaidOf(timelinePlan(periods))
const flowDiagram = (nodes: FlowNodes) => mermaidOf(flowPlan(nodes))
const treeDiagram = (root: TreeNode) => mermaidOf(treePlan(root))

const span = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }

async function parses(code: string): Promise<string> {
  const result = await mermaid.parse(code)
  return result ? result.diagramType : 'invalid'
}

describe('every Mermaid block the generator emits parses with Mermaid\'s own parser', () => {
  it('for the default notes', async () => {
    const blocks = mermaidBlocks((await defaultDeck()).markdown)
    expect(blocks.length).toBe(3)
    expect((await Promise.all(blocks.map(parses))).sort()).toEqual(['flowchart-v2', 'flowchart-v2', 'timeline'])
  })

  it('for every fixture', async () => {
    for (const f of readdirSync(FIXTURES).filter(n => n.endsWith('.md'))) {
      for (const block of mermaidBlocks((await deckFrom(readText(join(FIXTURES, f)), f, undefined, FIXTURES)).markdown))
        expect(await parses(block), f).not.toBe('invalid')
    }
  })

  it('for labels full of Mermaid syntax', async () => {
    const nasty = 'a: b; c # d "e" [f] {g} (h) --> i %% j <k> `l`'
    await expect(parses(timelineDiagram([{ name: nasty, start: '1990', end: '2000', description: nasty, span }]))).resolves.toBe('timeline')
    await expect(parses(flowDiagram({ start: nasty, steps: [nasty, 'x'], end: nasty }))).resolves.toBe('flowchart-v2')
    await expect(parses(treeDiagram({ label: nasty, children: [{ label: nasty, children: [] }] }))).resolves.toBe('flowchart-v2')
  })
})

describe('a timeline of dated events', () => {
  it('shows each date once, with no range under it, and parses', async () => {
    const text = timelineDiagram([{ name: '1994', start: '1994', end: '', description: 'BM25 at TREC', span }, { name: '2017年6月', start: '2017年6月', end: '', description: 'Transformer', span }])
    expect(text.split('\n').slice(1).map(l => l.trim())).toEqual(['1994 : BM25 at TREC', '2017年6月 : Transformer'])
    await expect(parses(text)).resolves.toBe('timeline')
  })
})

describe('labels are wrapped by display width', () => {
  it('puts <br> into long Chinese timeline text, and keeps each line short', () => {
    const text = timelineDiagram([{ name: '探索沉淀期', start: '2006', end: '2019', description: '以Transformer为代表的全新神经网络模型阶段', span }])
    const event = text.split(' : ')[1]!
    expect(event.split('<br>').length).toBeGreaterThan(1)
  })
})

describe('label wrapping of derived diagrams', () => {
  const leaf = (label: string) => ({ label, children: [] })
  const labels = (code: string) => [...code.matchAll(/\["([^"]*)"\]/g)].map(m => m[1]!)

  it('terms side by side share the width: seven are wrapped narrower than two', () => {
    const term = '检索增强生成模型'
    const two = labels(treeDiagram({ label: '根', children: [leaf(term), leaf(term)] }))
    const seven = labels(treeDiagram({ label: '根', children: Array.from({ length: 7 }, () => leaf(term)) }))
    expect(two.at(-1)).toBe(term.slice(0, 6) + '<br>' + term.slice(6))
    expect(seven.at(-1)).toBe(term.slice(0, 4) + '<br>' + term.slice(4))
  })

  it('no character alone on the last line of a label', () => {
    const [, label] = labels(treeDiagram({ label: '根', children: [leaf('多模态大模型型')] }))
    expect(label).toBe('多模态大模型型')
    expect(labels(treeDiagram({ label: '根', children: [leaf('多模态大模型型号')] }))[1]).toBe('多模态大模型<br>型号')
  })
})
