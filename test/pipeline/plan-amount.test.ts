// Planning by amount: small sections share slides, slides are filled, blocks are kept together as
// a typesetter would, and the notes' own table of contents becomes the agenda.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { breakPoints, codePieces, isDrawing } from '../../scripts/pipeline/plan/code-shape'
import { stepOf } from '../../scripts/pipeline/plan/plan-group'
import type { Block, Slide } from '../../scripts/pipeline/types'
import { EMPTY_CONFIG } from '../../scripts/pipeline/notes/config'
import { FIXTURES, deckFrom, readText } from '../helpers'

const fixture = async (name: string) => deckFrom(readText(join(FIXTURES, `${name}.md`)), `test/fixtures/${name}.md`, undefined, FIXTURES)
const content = (slides: Slide[]) => slides.filter(s => !['cover', 'divider'].includes(s.body.kind))
const codeBlocks = (slides: Slide[]) => slides.flatMap(s => (s.body.kind === 'content' ? s.body.blocks : [])).filter((b): b is Extract<Block, { kind: 'code' }> => b.kind === 'code')

describe('numbered steps', () => {
  it.each([
    ['1. 数据审查', '1', '1', '数据审查'],
    ['12、格式统一', '12', '12', '格式统一'],
    ['第三步：部署', '3', '第三步', '部署'],
    ['第十二步 上线', '12', '第十二步', '上线'],
    ['Step 7. Choose the precision', '7', 'Step 7', 'Choose the precision'],
    ['step 2: install', '2', 'step 2', 'install'],
    ['三、数据标注', '3', '三', '数据标注'],
    ['步骤2：清洗', '2', '步骤2', '清洗'],
    ['Step3 - Deploy', '3', 'Step3', 'Deploy'],
    ['② 数据去重', '2', '②', '数据去重'],
  ])('%s', (title, step, label, rest) => {
    // The label is the number as written: a step card shows it, so no word of the heading is lost.
    expect(stepOf(title)).toEqual({ step, label, rest })
  })

  it.each(['2024 年回顾', 'Python 3.11 notes', '一致性', 'Stepwise refinement'])('not a step: %s', (title) => {
    expect(stepOf(title)).toBeUndefined()
  })

  it('30 one-bullet step headings in four groups: numbered step cards, at most 12 slides, every step once', async () => {
    const { plan } = await fixture('zh-steps')
    expect(plan.slides.length).toBeLessThanOrEqual(12)
    const cards = plan.slides.flatMap(s => (s.body.kind === 'cards' ? s.body.cards : []))
    expect(cards.length).toBe(30)
    expect(cards.every(c => c.step)).toBe(true)
    expect(cards.filter(c => c.step === '1').length).toBe(4)
    const agenda = plan.slides.find(s => s.body.kind === 'agenda')
    expect(agenda?.body.kind === 'agenda' && agenda.body.items).toEqual(['数据准备', '数据清洗', '数据标注', '数据发布'])
  })

  it('22 one-line step headings: step cards, not 22 slides', async () => {
    const { plan } = await fixture('en-step-headings')
    expect(plan.slides.length).toBeLessThanOrEqual(10)
    expect(plan.slides.flatMap(s => (s.body.kind === 'cards' ? s.body.cards : [])).map(c => c.step)).toEqual(Array.from({ length: 22 }, (_, i) => `Step ${i + 1}`))
  })

  it('short sibling topics share a slide as cards', async () => {
    const { plan } = await fixture('zh-short-topics')
    const cards = plan.slides.filter(s => s.body.kind === 'cards')
    expect(cards.map(s => s.title)).toEqual(['进程与线程', '内存', '文件系统'])
    expect(cards.every(s => s.body.kind === 'cards' && s.body.cards.every(c => !c.step))).toBe(true)
  })
})

describe('the agenda', () => {
  it('lists sections numbered in their titles without their own numbers (the agenda numbers them)', async () => {
    const table = '\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n'
    const { plan } = await deckFrom(`# T\n\n## 一、概述${table}## 二、架构${table}## 三、步骤${table}`, 'n.md')
    expect(plan.slides.find(s => s.body.kind === 'agenda')?.body).toMatchObject({ items: ['概述', '架构', '步骤'] })
    const unnumbered = await deckFrom(`# T\n\n## 一、概述${table}## 架构${table}`, 'n.md')
    expect(unnumbered.plan.slides.find(s => s.body.kind === 'agenda')?.body).toMatchObject({ items: ['一、概述', '架构'] })
  })
})

describe('lists', () => {
  it('a long list of short items is set in two columns; a numbered list of term-led items is step cards', async () => {
    const { plan } = await fixture('zh-short-list')
    const files = plan.slides.find(s => s.title === '文件操作')!
    expect(files.body.kind === 'content' && files.body.blocks.map(b => (b.kind === 'list' ? b.columns : b.kind))).toEqual([2])
    expect(plan.slides.filter(s => s.title === '文件操作').length).toBe(1)
    const steps = plan.slides.find(s => s.title === '排查流程')!
    expect(steps.body.kind === 'cards' && steps.body.cards.map(c => `${c.step} ${c.term}`)).toEqual(['1 确认现象', '2 查看日志', '3 检查资源', '4 缩小范围', '5 修复验证'])
  })
})

describe('filling and balancing', () => {
  it('five definition cards: 3 + 2 on one slide, not 2 + 2 + 1', async () => {
    const { plan } = await fixture('en-five-cards')
    const grids = plan.slides.filter(s => s.body.kind === 'cards')
    expect(grids.map(s => (s.body.kind === 'cards' ? [s.body.cards.length, s.body.columns] : []))).toEqual([[5, 3]])
  })

  it('a slide with little content is set larger and centred; a full one is not', async () => {
    const { plan } = await fixture('zh-toc-code')
    const concept = plan.slides.find(s => s.title === '基本概念')!
    expect(concept.body.kind === 'content' && concept.body.fill).toEqual({ scale: 1.4, center: true })
    const code = plan.slides.filter(s => s.title === '训练代码' && s.body.kind === 'content')
    expect(code.every(s => s.body.kind === 'content' && (!s.body.fill || s.body.fill.scale === 1))).toBe(true)
  })

  it('no split leaves one card or item alone where the slide before had room', async () => {
    const continued: Array<{ at: string, cards: number }> = []
    for (const name of readdirSync(FIXTURES).filter(f => f.endsWith('.md')).map(f => f.slice(0, -3))) {
      const { plan } = await fixture(name)
      plan.slides.forEach((s, i) => {
        const prev = plan.slides[i - 1]
        if (s.part && s.part.index > 1 && s.body.kind === 'cards' && prev?.body.kind === 'cards')
          continued.push({ at: `${name} slide ${i + 1}`, cards: s.body.cards.length })
      })
    }
    // The fixtures do split cards over slides: the rule is checked on real continuations.
    expect(continued.length).toBeGreaterThan(0)
    expect(continued.filter(c => c.cards < 2)).toEqual([])
  })
})

describe('keeping together', () => {
  it('a lead-in ending with a colon stays on the slide of the block it introduces', async () => {
    const { plan } = await fixture('zh-toc-code')
    for (const slide of content(plan.slides)) {
      if (slide.body.kind !== 'content')
        continue
      const last = slide.body.blocks[slide.body.blocks.length - 1]
      expect(last?.kind === 'paragraph' && /[:：]$/.test(last.node.children.map(c => ('value' in c ? c.value : '')).join('')), slide.title).toBe(false)
    }
    const leadIns = ['配置文件示例：', '配置含义：', '下面是一个最小的 MoE 层实现：', '结果：']
    for (const text of leadIns) {
      const slide = plan.slides.find(s => s.body.kind === 'content' && s.body.blocks.some(b => b.kind === 'paragraph' && JSON.stringify(b.node).includes(text)))
      expect(slide?.body.kind === 'content' && slide.body.blocks.length, text).toBeGreaterThan(1)
    }
  })

  it('a box drawing is never split and is set with a tight line height', async () => {
    const { plan } = await fixture('zh-toc-code')
    const drawings = codeBlocks(plan.slides).filter(b => isDrawing(b.value))
    expect(drawings.length).toBe(1)
    const source = readText(join(FIXTURES, 'zh-toc-code.md')).split('数据流如下：\n\n```\n')[1]!.split('\n```')[0]!
    expect(drawings[0]!.value).toBe(source)
    expect(drawings[0]!.drawing).toBe(true)
  })

  it('long code is set at the floor first, then split only at blank lines or between top-level statements', async () => {
    const { plan } = await fixture('zh-toc-code')
    const source = readText(join(FIXTURES, 'zh-toc-code.md')).split('```python\n')[1]!.split('\n```')[0]!
    const pieces = codeBlocks(plan.slides).filter(b => b.lang === 'python')
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.every(p => p.fontPx === 14)).toBe(true)
    expect(pieces.map(p => p.value).join('\n').replace(/\n+/g, '\n')).toBe(source.replace(/\n+/g, '\n'))
    const lines = source.split('\n')
    const allowed = new Set(breakPoints(source).slice(0, 2).flat())
    let at = 0
    for (const piece of pieces.slice(0, -1)) {
      at = lines.indexOf(piece.value.split('\n').at(-1)!, at) + 1
      while (!lines[at]!.trim()) at++
      expect(allowed.has(at) || !lines[at - 1]!.trim(), `break before line ${at + 1}: ${lines[at]}`).toBe(true)
    }
  })

  it('code breaks between statements, never inside one', () => {
    const code = ['const a = f(', '  1,', '  2,', ')', 'const b = 2', '// about c', 'const c = 3', 'if (x) {', '  y()', '}', 'else {', '  z()', '}'].join('\n')
    expect(breakPoints(code)[2]).toEqual([4, 5, 7])
    const pieces = codePieces(code, ls => ls.length <= 4)
    expect(pieces.map(p => p.length)).toEqual([4, 1, 2, 6].flatMap(n => (n <= 4 ? [n] : [1, 1, 1, 1, 1, 1])))
  })

  it('tells drawings from code', () => {
    expect(isDrawing('┌──┐\n│A │\n└──┘')).toBe(true)
    expect(isDrawing('+-----+\n| app |\n+-----+\n   |\n   v')).toBe(true)
    expect(isDrawing('a --> b\nb --> c')).toBe(true)
    expect(isDrawing('const x = 1\nconst y = x - 1')).toBe(false)
    expect(isDrawing('| a | b |')).toBe(false)
  })
})

describe('the notes\' own table of contents', () => {
  it('is folded into the agenda: one agenda, no slide of #anchor links', async () => {
    const { plan, markdown } = await fixture('zh-toc-code')
    expect(plan.slides.filter(s => s.body.kind === 'agenda').length).toBe(1)
    expect(plan.slides[1]!.body).toEqual(expect.objectContaining({ kind: 'agenda', items: ['基本概念', 'MoE架构', '路由配置', '训练代码', '性能对比'] }))
    expect(plan.slides.some(s => s.body.kind === 'links')).toBe(false)
    expect(markdown).not.toMatch(/href="#moe/)
  })

  it('in-page #anchor links lead to the slide that shows the heading (an id for the PDF, a slide number for the browser)', async () => {
    const { markdown, plan } = await fixture('zh-toc-code')
    const link = /<a href="#(nd-l\d+)" data-nd-slide="(\d+)">MoE架构<\/a>/.exec(markdown)
    expect(link).not.toBeNull()
    const target = plan.slides[Number(link![2]) - 1]!
    expect(target.title).toBe('MoE架构')
    expect(markdown).toContain(`<span id="${link![1]}"></span>`)
    expect(markdown).toMatch(/<a href="#nd-l\d+" data-nd-slide="\d+">路由配置<\/a>/)
  })

  it('is left out before the first section too: a list of #anchor links or a [TOC] marker', async () => {
    const { plan } = await deckFrom('# T\n\n[TOC]\n\nContents:\n\n- [A](#a)\n  - [B](#b)\n\n## A\n\ntext\n\n### B\n\nmore\n\n## C\n\nc\n', 'n.md')
    expect(plan.slides.map(s => s.title)).not.toContain('Overview')
    expect(plan.slides.filter(s => s.body.kind === 'agenda').length).toBe(1)
  })

  it('a link to a heading the notes do not have is text, with a warning naming its line', async () => {
    const { plan, markdown } = await deckFrom('# T\n\n## A\n\nsee [nowhere](#missing) and [A](#a)\n\n## B\n\ntext\n', 'n.md')
    expect(markdown).not.toContain('#missing')
    expect(plan.warnings.map(w => [w.message, w.span?.start.line])).toEqual([['link to "#missing": the notes have no heading with that anchor; shown as text', 5]])
  })
})

describe('a few short items alone on a slide', () => {
  const deck = (notes: string) => deckFrom(notes, 'notes.md')
  const bodyOf = async (notes: string, title: string) => (await deck(notes)).plan.slides.find(s => s.title === title)?.body
  const table = '\n### 对比\n| a | b |\n| --- | --- |\n| 1 | 2 |\n'

  it('are tiles across the slide, not a short column; numbered when the list is', async () => {
    expect(await bodyOf(`## 搭建\n### 步骤\n* 切分文档\n* 计算嵌入\n* 建立索引\n${table}`, '步骤')).toEqual({ kind: 'agenda', items: ['切分文档', '计算嵌入', '建立索引'], numbered: false, layout: { kind: 'tiles', columns: 3 }, fill: expect.anything() })
    expect(await bodyOf(`## 搭建\n### 步骤\n1. 切分\n2. 嵌入\n${table}`, '步骤')).toMatchObject({ kind: 'agenda', items: ['切分', '嵌入'], numbered: true, layout: { kind: 'tiles', columns: 2 } })
  })

  it.each([
    ['an item too long for a tile', '* 切分文档\n* 计算嵌入，再把向量写进索引里'],
    ['emphasis that a tile would lose', '* **切分**\n* 嵌入'],
    ['a nested list', '* 切分\n  * 按段落\n* 嵌入'],
    ['more items than tiles', '* a\n* b\n* c\n* d\n* e\n* f\n* g'],
    ['a single item', '* 切分文档'],
  ])('stay a list with %s', async (_what, list) => {
    expect((await bodyOf(`## 搭建\n### 步骤\n${list}\n${table}`, '步骤'))?.kind).toBe('content')
  })
})

describe('code in cards', () => {
  const line = (n: number) => `\`\`\`\nx = ${'1 + '.repeat(Math.floor(n / 4))}1\n\`\`\``
  const notes = (code: string) => `# 笔记\n## 系统\n### 代码\n\`\`\`\nx = 1\n\`\`\`\n### 长代码\n${code}\n## 其他\n一段话。\n`
  const cardsOf = async (code: string) => (await deckFrom(notes(code), 'notes.md')).plan.slides.flatMap(s => (s.body.kind === 'cards' ? [s.body] : []))

  it('cards side by side while their code fits a half-width card; the full width when it does not', async () => {
    expect((await cardsOf(line(20)))[0]).toMatchObject({ columns: 2 })
    expect((await cardsOf(line(48)))[0]).toMatchObject({ columns: 1 })
  })

  it('code wider than a full-width card is not put in a card (its own slide can set it smaller)', async () => {
    expect((await cardsOf(line(100))).some(b => b.cards.some(c => c.term === '长代码'))).toBe(false)
  })
})

describe('one short line under the notes\' title', () => {
  const sections = '\n\n## A\n\ntext a\n\n## B\n\ntext b\n'
  it('is the cover\'s subtitle (and its speaker note), not a slide of one sentence', async () => {
    const { plan } = await deckFrom(`# Notes\n\nShort notes for a reading group.${sections}`, 'n.md')
    expect(plan.slides[0]!.body).toMatchObject({ kind: 'cover', title: 'Notes', subtitle: 'Short notes for a reading group.' })
    expect(plan.slides[0]!.notes).toEqual(['Short notes for a reading group.'])
    expect(plan.slides.map(s => s.title)).not.toContain('Overview')
  })

  it.each([
    ['a longer introduction', `These notes summarise an introductory course on machine learning; each section starts with the definitions the exam asks for.`],
    ['two paragraphs', 'One line.\n\nAnother line.'],
    ['emphasis the subtitle would lose', 'Notes on **distributed** systems.'],
  ])('%s keeps its Overview slide', async (_what, intro) => {
    const { plan } = await deckFrom(`# Notes\n\n${intro}${sections}`, 'n.md')
    expect(plan.slides.map(s => s.title)).toContain('Overview')
    expect(plan.slides[0]!.body).not.toHaveProperty('subtitle')
  })

  it('a subtitle from the deck config wins, and the line keeps its slide', async () => {
    const { plan } = await deckFrom(`# Notes\n\nA short line.${sections}`, 'n.md', { ...EMPTY_CONFIG, subtitle: 'From the config' })
    expect(plan.slides[0]!.body).toMatchObject({ subtitle: 'From the config' })
    expect(plan.slides.map(s => s.title)).toContain('Overview')
  })
})
