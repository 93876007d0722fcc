// Nothing the planner knows does not fit: every slide's estimate within the body, every code line
// of the notes on some slide, scripts split as code, drawings kept whole where they fit and cut
// between their boxes where they do not, list items measured with what they hold.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { BODY_H, cardFitsWidth } from '../../scripts/pipeline/plan/budget'
import { drawingBreakPoints, isDrawing } from '../../scripts/pipeline/plan/code-shape'
import type { Block, Plan, Slide } from '../../scripts/pipeline/types'
import { FIXTURES, NOTES, deckFrom, defaultConfig, readText } from '../helpers'
import { codeLines, realisticNotes } from '../realistic-notes'

const RUNS = process.env.npm_lifecycle_event === 'fuzz' ? 2000 : 60

/** The code of a slide, as lines: code blocks, code inside lists and cards. */
function slideCode(slide: Slide): string[] {
  const out: string[] = []
  const walk = (n: Nodes) => {
    if (n.type === 'code')
      out.push(...n.value.split('\n'))
    if ('children' in n)
      (n.children as Nodes[]).forEach(walk)
  }
  const block = (b: Block) => {
    if (b.kind === 'code')
      out.push(...b.value.split('\n'))
    else if ('node' in b)
      walk(b.node)
    else if (b.kind === 'quote')
      b.content.forEach(walk)
  }
  if (slide.body.kind === 'content')
    slide.body.blocks.forEach(block)
  if (slide.body.kind === 'cards')
    slide.body.cards.forEach(c => c.content.forEach(walk))
  return out
}

/** Code lines of the notes that no slide shows (each line counted as often as the notes have it). */
function lostCode(notes: string, plan: Plan): string[] {
  const shown = new Map<string, number>()
  for (const line of plan.slides.flatMap(slideCode).map(l => l.trim()).filter(Boolean))
    shown.set(line, (shown.get(line) ?? 0) + 1)
  const lost: string[] = []
  for (const line of codeLines(notes).map(l => l.trim()).filter(Boolean)) {
    const n = shown.get(line) ?? 0
    if (n === 0)
      lost.push(line)
    else
      shown.set(line, n - 1)
  }
  return lost
}

/** Slides whose planned content is taller than the body. */
const tooTall = (plan: Plan) => plan.slides.flatMap((s, i) => (s.height !== undefined && s.height > BODY_H ? [`slide ${i + 1} "${s.title}": ${s.height}px`] : []))

describe('every planned slide fits, and shows its code', () => {
  const decks: Array<[string, string]> = [['data/notes.md', readText(NOTES)], ...readdirSync(FIXTURES).filter(f => f.endsWith('.md')).map((f): [string, string] => [`test/fixtures/${f}`, readText(join(FIXTURES, f))])]
  it.each(decks)('%s', async (file, notes) => {
    const { plan } = await deckFrom(notes, file, file === 'data/notes.md' ? defaultConfig() : undefined, file === 'data/notes.md' ? undefined : FIXTURES)
    expect(tooTall(plan)).toEqual([])
    expect(lostCode(notes, plan)).toEqual([])
  })

  it(`${RUNS} realistic notes (scripts, sessions, drawings, steps with code, tables, deep lists, emoji)`, async () => {
    await fc.assert(fc.asyncProperty(realisticNotes, async (notes) => {
      const { plan } = await deckFrom(notes, 'fuzz.md')
      expect(tooTall(plan)).toEqual([])
      expect(lostCode(notes, plan)).toEqual([])
    }), { numRuns: RUNS, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) })
  }, 0)
})

const slidesOf = async (notes: string) => (await deckFrom(notes, 'n.md')).plan.slides
const codeOf = (slides: Slide[]) => slides.flatMap(s => (s.body.kind === 'content' ? s.body.blocks : [])).filter((b): b is Extract<Block, { kind: 'code' }> => b.kind === 'code')

describe('scripts and drawings', () => {
  const scriptLines = Array.from({ length: 140 }, (_, i) => (i % 9 === 0 ? '' : `echo "step ${i}" | tee -a log.txt`))
  const heredoc = ['cat > report.md <<MD', '| 项目 | 结果 |', '| --- | --- |', '| 模型 | qwen2 |', 'MD']

  it('a 140-line script with a Markdown table in a heredoc is code: split over slides, every line once, in order', async () => {
    const code = [...scriptLines.slice(0, 70), ...heredoc, ...scriptLines.slice(70)].join('\n')
    expect(isDrawing(code)).toBe(false)
    const pieces = codeOf(await slidesOf(`# T\n\n## 脚本\n\n\`\`\`bash\n${code}\n\`\`\`\n`))
    expect(pieces.length).toBeGreaterThan(5)
    expect(pieces.every(p => !p.drawing)).toBe(true)
    expect(pieces.map(p => p.value).join('\n').split('\n').filter(Boolean)).toEqual(code.split('\n').filter(Boolean))
  })

  it('a drawing taller than a slide at the smallest size is cut between its boxes, each piece fitting', async () => {
    const boxes = Array.from({ length: 12 }, (_, i) => [`┌──────────┐`, `│  步骤 ${String(i).padStart(2, '0')} │`, `└────┬─────┘`, `     ▼`]).flat()
    const code = boxes.join('\n')
    expect(isDrawing(code)).toBe(true)
    const slides = await slidesOf(`# T\n\n## 架构\n\n\`\`\`\n${code}\n\`\`\`\n`)
    const pieces = codeOf(slides)
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.every(p => p.drawing && p.fontPx === 14)).toBe(true)
    expect(slides.every(s => (s.height ?? 0) <= BODY_H)).toBe(true)
    // Each piece but the last ends where a box ends and its arrow is drawn.
    for (const p of pieces.slice(0, -1))
      expect(p.value.split('\n').at(-1)!.trim()).toMatch(/^[▼│]$/)
    expect(pieces.map(p => p.value).join('\n')).toBe(code)
  })

  it('cuts drawings at blank lines first, then after lines that only connect boxes', () => {
    expect(drawingBreakPoints('┌─┐\n└┬┘\n │\n┌┴┐\n\n┌─┐')).toEqual([[5], [3], [1, 2]])
  })

  it('a drawing that fits stays whole', async () => {
    const code = '┌──┐\n│A │\n└──┘'
    const long = 'A paragraph long enough to need a slide of its own. '.repeat(12)
    expect(codeOf(await slidesOf(`# T\n\n## A\n\n${long}\n\n\`\`\`\n${code}\n\`\`\`\n\n## B\n\ntext\n`)).map(p => p.value)).toEqual([code])
  })
})

describe('lists whose items hold code', () => {
  const step = (i: number, lines: number) => `${i}. Step ${i}:\n   \`\`\`bash\n${Array.from({ length: lines }, (_, k) => `   cmd-${i}-${k} --flag`).join('\n')}\n   \`\`\``
  const listSlides = async (items: string[]) => (await slidesOf(`# T\n\n## Steps\n\n${items.join('\n')}\n\n## Other\n\ntext\n`)).filter(s => s.title === 'Steps' && s.body.kind === 'content')

  it('are measured with their code, and split between items; a continuation keeps its numbers', async () => {
    const slides = await listSlides([1, 2, 3, 4, 5].map(i => step(i, 5)))
    expect(slides.length).toBeGreaterThan(1)
    expect(slides.every(s => (s.height ?? 0) <= BODY_H)).toBe(true)
    const starts = slides.map(s => (s.body.kind === 'content' && s.body.blocks[0]?.kind === 'list' ? s.body.blocks[0].node.start : undefined))
    const counts = slides.map(s => (s.body.kind === 'content' && s.body.blocks[0]?.kind === 'list' ? s.body.blocks[0].node.children.length : 0))
    expect(starts[0]).toBe(1)
    expect(starts[1]).toBe(1 + counts[0]!)
  })

  it('an item taller than a slide is cut inside, each piece under the same number', async () => {
    const slides = await listSlides([step(1, 3), step(2, 40), step(3, 3)])
    expect(slides.every(s => (s.height ?? 0) <= BODY_H)).toBe(true)
    const lists = slides.flatMap(s => (s.body.kind === 'content' ? s.body.blocks : [])).filter(b => b.kind === 'list')
    const numbers = lists.flatMap(b => (b.kind === 'list' ? b.node.children.map((_, k) => (b.node.start ?? 1) + k) : []))
    expect(numbers.filter(n => n === 2).length).toBeGreaterThan(1)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(lostCode(step(2, 40), { title: '', lang: 'en', slides, talk: 0, warnings: [] })).toEqual([])
  })
})

describe('cards', () => {
  it('are not set so narrow that a word of their term or text sticks out', () => {
    const card = { term: 'Hyperparameter', content: [], abridged: false }
    expect(cardFitsWidth(card, 2)).toBe(true)
    expect(cardFitsWidth(card, 4, 868 / 1.3)).toBe(false)
  })
})

describe('definitions', () => {
  it('a definition taller than a slide is cut between its sentences, each piece a card that fits, none of its words lost', async () => {
    const sentence = (i: number) => `第${i}句定义 model 模型 checkpoint \`deploy\` https://github.com/ollama/ollama/blob/main/docs/linux.md#installing-specific-versions. `
    const definition = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join('')
    const { plan } = await deckFrom(`# 模型\n\n## 模型\n\n### 术语\n\n> ${definition}\n\n## 其他\n\n一段文字。\n`, 'n.md')
    const cards = plan.slides.filter(s => s.title === '术语')
    expect(cards.length).toBeGreaterThan(1)
    expect(tooTall(plan)).toEqual([])
    const said = JSON.stringify(cards.map(s => s.body))
    for (let i = 1; i <= 12; i++)
      expect(said).toContain(`第${i}句定义`)
  })
})
