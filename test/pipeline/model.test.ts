import { describe, expect, it } from 'vitest'
import { buildNotes } from '../../scripts/pipeline/notes/model'
import { parseMarkdown } from '../../scripts/pipeline/notes/parse'
import type { Section } from '../../scripts/pipeline/types'
import { NOTES, readText } from '../helpers'

const notes = buildNotes(parseMarkdown(readText(NOTES)), 'data/notes.md')
const find = (title: string, list: Section[] = notes.sections): Section | undefined => {
  for (const s of list) {
    if (s.title === title)
      return s
    const inner = find(title, s.children)
    if (inner)
      return inner
  }
  return undefined
}

describe('the notes model of the default notes', () => {
  it('has the six top-level sections in order, with their source lines', () => {
    expect(notes.sections.map(s => s.title)).toEqual(['定义', '大模型发展历程', '大模型的分类', '模型的泛化与微调', '大模型人类偏好对齐', '参考文档'])
    expect(notes.sections[0]!.span.start.line).toBe(1)
    expect(notes.sections[1]!.span.start.line).toBe(12)
  })

  it('takes a blockquote under a heading as that term\'s definition', () => {
    const def = find('超大模型')?.definition
    expect(def?.span.start.line).toBe(5)
    expect(def?.content[0]?.type).toBe('paragraph')
  })

  it('recognises the history as dated periods by the shape of the items', () => {
    const block = find('大模型发展历程')?.blocks[0]
    expect(block?.kind).toBe('timeline')
    if (block?.kind !== 'timeline')
      return
    expect(block.periods.map(p => [p.name, p.start, p.end])).toEqual([['萌芽期', '1950', '2005'], ['探索沉淀期', '2006', '2019'], ['迅猛发展期', '2020', '至今']])
    expect(block.periods[0]!.description).toBe('以CNN为代表的传统神经网络模型阶段')
    expect(block.periods[2]!.span.start.line).toBe(15)
  })

  it('recognises term-led items (English term, then Chinese text) as terms', () => {
    const block = find('模型微调方法')?.blocks[0]
    expect(block?.kind).toBe('terms')
    if (block?.kind === 'terms')
      expect(block.items.map(i => i.term)).toEqual(['Fine-tuning', 'Feature augmentation', 'Transfer leamning'])
  })

  it('recognises link-only lists', () => {
    const block = find('参考文档')?.blocks[0]
    expect(block?.kind).toBe('links')
    if (block?.kind === 'links')
      expect(block.links[0]?.url).toMatch(/^https:\/\/www\.nsfc\.gov\.cn\//)
  })

  it('takes the raw <img> out of the list and keeps it as an image block with its line', () => {
    const blocks = find('偏见和歧视性信息')?.blocks ?? []
    expect(blocks.map(b => b.kind)).toEqual(['list', 'image'])
    const img = blocks[1]
    if (img?.kind === 'image') {
      expect(img.image.url).toMatch(/^https:\/\/github\.com\//)
      expect(img.image.span.start.line).toBe(48)
    }
  })
})

describe('buildNotes on other shapes', () => {
  const build = (md: string) => buildNotes(parseMarkdown(md), 'x.md')
  it('lifts a single H1 into the title', () => {
    const n = build('# My Notes\n\nIntro text.\n\n## A\n\ntext\n\n## B\n\ntext\n')
    expect(n.title).toBe('My Notes')
    expect(n.sections.map(s => s.title)).toEqual(['A', 'B'])
    expect(n.intro.map(b => b.kind)).toEqual(['paragraph'])
  })
  it('keeps notes without headings as intro content', () => {
    const n = build('Just a paragraph.\n\n- and\n- a list\n')
    expect(n.sections).toEqual([])
    expect(n.intro.map(b => b.kind)).toEqual(['paragraph', 'list'])
  })
  it('does not take a list of plain sentences for a timeline or terms', () => {
    const n = build('## S\n\n- 第一点很重要。\n- 第二点也重要。\n')
    expect(n.sections[0]!.blocks[0]!.kind).toBe('list')
  })
  it('takes a list of dated events (three or more, in the order of time) for a timeline, each date as written', () => {
    const timeline = (md: string) => {
      const b = build(`## H\n\n${md}`).sections[0]!.blocks[0]!
      return b.kind === 'timeline' ? b.periods.map(p => [p.name, p.end, p.description]) : b.kind
    }
    expect(timeline('- **1970s**: TF-IDF\n- **1994**: BM25 at TREC\n- **2020**: DPR and RAG\n')).toEqual([['1970s', '', 'TF-IDF'], ['1994', '', 'BM25 at TREC'], ['2020', '', 'DPR and RAG']])
    expect(timeline('- 2017年6月：Transformer 提出\n- 2018年 GPT-1 发布\n- 2020 年，GPT-3\n')).toEqual([['2017年6月', '', 'Transformer 提出'], ['2018年', '', 'GPT-1 发布'], ['2020 年', '', 'GPT-3']])
    expect(timeline('- 2024-03 – v2\n- 2023-11 – v1.5\n- 2023.01 – v1\n')).toEqual([['2024-03', '', 'v2'], ['2023-11', '', 'v1.5'], ['2023.01', '', 'v1']])
    // Not events: out of order, two items, status codes, ports, a year inside a word, a link a label would lose.
    expect(timeline('- 2020: a\n- 1990: b\n- 2010: c\n')).toBe('terms')
    expect(timeline('- 2019: a\n- 2020: b\n')).toBe('terms')
    expect(timeline('- 404: not found\n- 500: server error\n- 503: unavailable\n')).toBe('terms')
    expect(timeline('- 8080: web\n- 8443: tls\n- 9090: metrics\n')).toBe('terms')
    expect(timeline('- 2019abc\n- 2020def\n- 2021ghi\n')).toBe('list')
    expect(timeline('- 2019: [a](https://a.example)\n- 2020: b\n- 2021: c\n')).not.toBe('timeline')
  })

  it('accepts English open-ended periods', () => {
    const n = build('## H\n\n- Early (1990-1999) first\n- Now (2000-present) second\n')
    const b = n.sections[0]!.blocks[0]!
    expect(b.kind).toBe('timeline')
  })
})
