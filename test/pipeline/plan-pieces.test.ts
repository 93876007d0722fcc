// No empty or orphaned pieces: headings with nothing under them are tiles, not empty cards; a
// lead-in goes onto the slide of the cards, references or timeline it introduces; the parts of one
// section read alike; a short code block alone fills its slide; an agenda longer than a slide splits.
import { describe, expect, it } from 'vitest'
import { BODY_H } from '../../scripts/pipeline/plan/budget'
import type { Slide } from '../../scripts/pipeline/types'
import { deckFrom } from '../helpers'

const slidesOf = async (notes: string) => (await deckFrom(notes, 'n.md')).plan.slides
/** A section no card can hold (a table), so that the one before it stands alone. */
const other = '\n## Other\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n'

describe('headings with nothing under them', () => {
  it('are tiles with their titles, not empty cards', async () => {
    const slides = await slidesOf(`# T\n\n## 分类\n\n### 推理框架\n\n### 训练框架\n\n### 评估框架\n${other}`)
    const shown = slides.find(s => s.title === '分类')!
    expect(shown.body).toMatchObject({ kind: 'agenda', items: ['推理框架', '训练框架', '评估框架'], numbered: false })
    expect(slides.some(s => s.body.kind === 'cards')).toBe(false)
  })

  it('numbered with words (`Step 1.`) keep their headings whole, no word lost to a tile number', async () => {
    const slides = await slidesOf(`# T\n\n## Setup\n\n### Step 1. Install\n\n### Step 2. Configure\n\n### Step 3. Start\n${other}`)
    expect(slides.find(s => s.title === 'Setup')?.body).toMatchObject({ kind: 'agenda', items: ['Step 1. Install', 'Step 2. Configure', 'Step 3. Start'], numbered: false })
  })

  it('numbered ones are numbered tiles', async () => {
    const slides = await slidesOf(`# T\n\n## 步骤\n\n### 1. 安装\n\n### 2. 配置\n\n### 3. 启动\n${other}`)
    expect(slides.find(s => s.title === '步骤')?.body).toMatchObject({ kind: 'agenda', items: ['安装', '配置', '启动'], numbered: true })
  })

  it('with some content among them, stay cards', async () => {
    const slides = await slidesOf(`# T\n\n## 分类\n\n### 推理框架\n\n- vLLM\n\n### 训练框架\n\n### 评估框架\n\n- OpenCompass\n${other}`)
    expect(slides.find(s => s.title === '分类')?.body.kind).toBe('cards')
  })
})

describe('a lead-in', () => {
  const bodyOf = (slides: Slide[], kind: Slide['body']['kind']) => slides.find(s => s.body.kind === kind)?.body
  it('goes onto the slide of the term cards it introduces, never alone', async () => {
    const slides = await slidesOf(`# T\n\n## 说明\n\n推理框架有很多，下面是常见的几种：\n\n- **vLLM**：高吞吐推理引擎\n- **TGI**：Hugging Face 的推理服务\n- **llama.cpp**：CPU 上的推理\n${other}`)
    expect(bodyOf(slides, 'cards')).toMatchObject({ kind: 'cards', lead: { kind: 'paragraph' } })
    expect(slides.filter(s => s.title === '说明').length).toBe(1)
    expect(slides.find(s => s.title === '说明')!.notes[0]).toBe('推理框架有很多，下面是常见的几种：')
  })

  it('goes onto the slide of the references and of the timeline it introduces', async () => {
    const refs = await slidesOf(`# T\n\n## 参考\n\n推荐阅读：\n\n- [A](https://a.example/x)\n- [B](https://b.example/y)\n${other}`)
    expect(bodyOf(refs, 'links')).toMatchObject({ kind: 'links', lead: { kind: 'paragraph' } })
    const timeline = await slidesOf(`# T\n\n## 历程\n\n发展分为三个阶段：\n\n* 萌芽期 (1950-2005) 神经网络\n* 沉淀期 (2006-2019) Transformer\n* 爆发期 (2020-至今) 大模型\n${other}`)
    const diagram = bodyOf(timeline, 'diagram')
    expect(diagram).toMatchObject({ kind: 'diagram', lead: { kind: 'paragraph' } })
    expect(diagram?.kind === 'diagram' && diagram.room).toBeLessThan(390)
    expect(timeline.filter(s => s.title === '历程').length).toBe(1)
  })
})

describe('filling', () => {
  it('a short code block alone on its slide is set larger and centred', async () => {
    const slides = await slidesOf(`# T\n\n## 安装\n\n\`\`\`bash\npip install vllm\nvllm serve Qwen/Qwen2-7B --port 8000\n\`\`\`\n${other}`)
    expect(slides.find(s => s.title === '安装')?.body).toMatchObject({ kind: 'content', fill: { scale: 1.4, center: true } })
  })

  it('the parts of one section are set at one size', async () => {
    const step = (i: number, n: number) => `${i}. Step ${i}:\n   \`\`\`bash\n${Array.from({ length: n }, (_, k) => `   run-${i}-${k}`).join('\n')}\n   \`\`\``
    const slides = (await slidesOf(`# T\n\n## Steps\n\n${[step(1, 5), step(2, 5), step(3, 5), step(4, 5), step(5, 1)].join('\n')}\n${other}`)).filter(s => s.part)
    expect(slides.length).toBeGreaterThan(1)
    const scales = slides.map(s => (s.body.kind === 'content' ? s.body.fill?.scale ?? 1 : undefined))
    expect(new Set(scales).size).toBe(1)
  })

  it('an agenda longer than a slide goes on over slides, numbered on', async () => {
    const sections = Array.from({ length: 40 }, (_, i) => `## Section number ${i + 1} with a long title to wrap\n\nText ${i}.\n\n| a | b |\n| --- | --- |\n| ${i} | x |\n`).join('\n')
    const agenda = (await slidesOf(`# T\n\n${sections}`)).filter(s => s.title === 'Agenda')
    expect(agenda.length).toBeGreaterThan(1)
    expect(agenda.every(s => (s.height ?? 0) <= BODY_H)).toBe(true)
    expect(agenda[1]!.body).toMatchObject({ kind: 'agenda', start: (agenda[0]!.body.kind === 'agenda' ? agenda[0]!.body.items.length : 0) + 1 })
    expect(agenda.flatMap(s => (s.body.kind === 'agenda' ? s.body.items : [])).length).toBe(40)
  })
})
