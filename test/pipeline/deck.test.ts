import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../scripts/pipeline/notes/config'
import { DEFAULT_SLIDES } from '../../scripts/core/paths'
import { FONTS } from '../../scripts/pipeline/geometry'
import { FIXTURES, NOTES, deckFrom, defaultConfig, defaultDeck, mermaidBlocks, readText, stem } from '../helpers'

describe('the default deck', async () => {
  const { markdown, plan } = await defaultDeck()

  it('is what is committed as slides.md (run `npm run generate` after changing the notes or the generator)', () => {
    expect(readText(DEFAULT_SLIDES)).toBe(markdown)
  })

  it('is the same, byte for byte, when generated twice', async () => {
    expect((await defaultDeck()).markdown).toBe(markdown)
  })

  it('parses with Slidev\'s own parser into one Slidev slide per planned slide', () => {
    const parsed = parseSync(markdown, 'slides.md')
    expect(parsed.slides.length).toBe(plan.slides.length)
    expect(parsed.slides[0]!.frontmatter.layout).toBe('cover')
    expect(parsed.slides[0]!.frontmatter.fonts).toMatchObject({ provider: 'none', sans: FONTS.sans.join(', ') })
  })

  it('opens with a cover and an agenda of the sections', () => {
    expect(plan.slides[0]!.body.kind).toBe('cover')
    const agenda = plan.slides[1]!.body
    expect(agenda.kind === 'agenda' && agenda.items).toEqual(['定义', '大模型发展历程', '大模型的分类', '模型的泛化与微调', '大模型人类偏好对齐', '参考文档'])
  })

  it('has a divider or a single opening slide at level 1 for every section, in order', () => {
    expect(plan.slides.filter(s => s.level === 1).map(s => s.title).slice(2)).toEqual(['定义', '大模型发展历程', '大模型的分类', '模型的泛化与微调', '大模型人类偏好对齐', '参考文档'])
  })

  it('shows definitions as cards, with the classification as a tree of its groups', () => {
    const cards = plan.slides.filter(s => s.body.kind === 'cards').flatMap(s => (s.body.kind === 'cards' ? s.body.cards.map(c => c.term) : []))
    expect(cards).toEqual(expect.arrayContaining(['大模型', 'ChatGPT', '语言大模型(NLP)', '通用大模型L0', '垂直大模型L2', 'Fine-tuning', 'Transfer leamning']))
    expect(markdown).toContain('<DefinitionCard')
    const tree = mermaidBlocks(markdown).find(b => b.includes('按照应用领域'))
    expect(tree).toMatch(/t0\["大模型的分类"\]/)
    expect(tree).toMatch(/t\d+ --- t\d+\["按照应用领域"\]/)
  })

  it('draws the history as a Mermaid timeline and the alignment as a flowchart', () => {
    const blocks = mermaidBlocks(markdown)
    const timeline = blocks.find(b => b.startsWith('timeline'))
    expect(timeline).toContain('萌芽期<br>1950–2005 : ')
    expect(timeline).toContain('迅猛发展期<br>2020–至今 : ')
    const flow = blocks.find(b => b.includes('有监督微调'))
    expect(flow).toMatch(/^flowchart LR/)
    expect(flow).toMatch(/n0\(\["预训练<br>（学习世界知识）"\]\)/)
    expect(flow).toContain('(RLHF)')
    expect(flow).toMatch(/n0 --> n1\n {2}n1 --> n2\n {2}n2 --> n3/)
  })

  it('puts the full text into the speaker notes of every content slide', () => {
    const content = plan.slides.filter(s => !['cover', 'divider', 'agenda'].includes(s.body.kind))
    for (const slide of content)
      expect(slide.notes.join('\n').length, slide.title).toBeGreaterThan(0)
    const gpt = plan.slides.find(s => s.notes.some(n => n.startsWith('GPT (Generative Pretrained Transformer): ')))
    expect(gpt?.notes.join('\n')).toContain('即根据给定的文本生成连贯的输出')
  })

  it('never links the remote image it cannot load, and says so in the notes', () => {
    expect(markdown).not.toMatch(/<img|!\[[^\]]*\]\(https?:/)
    const slide = plan.slides.find(s => s.notes.some(n => n.includes('github.com/jsjchai')))
    expect(slide?.title).toBe('偏见和歧视性信息')
  })

  it('links the references', () => {
    expect(markdown).toContain('<a href="https://www.nsfc.gov.cn/csc/20345/20348/pdf/2023/202305-758-766.pdf"')
  })
})

describe('frontmatter values with three dashes', () => {
  // Slidev's parser ends a frontmatter block at the first `---`, even inside a value.
  it('keep the headmatter whole and every title as typed ("Deck --- title", a subtitle and a heading with ---)', async () => {
    const { markdown, plan } = await deckFrom('# Deck --- title\n\nIntro ---- with dashes.\n\n## Before --- after\n\nSome text.\n\n## Next\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n', 'n.md')
    const parsed = parseSync(markdown, 'slides.md')
    expect(parsed.slides.length).toBe(plan.slides.length)
    expect(parsed.slides[0]!.frontmatter).toMatchObject({ theme: 'default', title: 'Deck --- title', info: 'Intro ---- with dashes.' })
    expect(parsed.slides.map(s => s.frontmatter.title)).toContain('Before --- after')
    // Nothing of a cut frontmatter spills onto a slide.
    for (const slide of parsed.slides)
      expect(slide.content).not.toMatch(/^(?:title|info|theme|htmlAttrs|fonts|layout|level|notesLine|budget):/m)
  })
})

describe('diagrams are derived from the notes', () => {
  const base = readText(NOTES)
  it('a fourth period in the history adds a period: four go on over two timelines of two (at most three a slide, for labels of 16 px)', async () => {
    const edited = base.replace(/(\* 迅猛发展期 .*\n)/, '$1* 智能体时代 (2025-2030) 以智能体为代表的自主系统阶段\n')
    const timelines = mermaidBlocks((await deckFrom(edited, 'notes.md', defaultConfig())).markdown).filter(b => b.startsWith('timeline'))
    expect(timelines.map(t => t.split('\n').filter(l => l.startsWith('  ')).length)).toEqual([2, 2])
    expect(timelines[1]).toContain('智能体时代<br>2025–2030 : 以智能体为代表的')
  })
  it('a third method in the alignment section adds a step to the flow', async () => {
    const edited = base.replace('* 有监督微调\n', '* 有监督微调\n* 直接偏好优化 (Direct Preference Optimization,DPO)\n')
    const flow = mermaidBlocks((await deckFrom(edited, 'notes.md', defaultConfig())).markdown).find(b => b.includes('有监督微调'))!
    expect(flow).toContain('n2["直接偏好优化<br>(DPO)"]')
    expect(flow).toMatch(/n3 --> n4/)
  })
  it('a flow for a heading that is not in the notes is a warning naming the config line, and the deck is still made', async () => {
    const config = parseConfig('title: T\nflows:\n  - section: 不存在的标题\n', 'deck.yaml')
    const { plan, markdown } = await deckFrom(base, 'notes.md', config)
    const warning = plan.warnings.find(w => w.message.includes('no section titled "不存在的标题"'))
    expect(warning?.where).toEqual({ file: 'deck.yaml', line: 3, column: 14 })
    expect(markdown).not.toMatch(/^flowchart LR/m)
    expect(plan.slides.length).toBeGreaterThan(10)
  })
})

const fixtureNames = readdirSync(FIXTURES).filter(f => f.endsWith('.md')).map(f => join(FIXTURES, f))

describe('fixtures: notes -> expected slides.md', () => {
  it.each(fixtureNames.map(f => [stem(f), f]))('%s', async (name, file) => {
    let config
    try {
      config = parseConfig(readText(join(FIXTURES, `${name}.deck.yaml`)), `${name}.deck.yaml`)
    }
    catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw e
    }
    const { markdown, plan } = await deckFrom(readText(file), `test/fixtures/${name}.md`, config, FIXTURES)
    const expectedPath = join(FIXTURES, 'expected', `${name}.slides.md`)
    if (process.env.UPDATE_FIXTURES)
      writeFileSync(expectedPath, markdown)
    expect(markdown).toBe(readText(expectedPath))
    expect(parseSync(markdown, 'slides.md').slides.length).toBe(plan.slides.length)
  })
})
