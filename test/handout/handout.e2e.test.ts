// End to end: `npm run handout` on the default notes, read back by structure: A4 pages, slides per
// page, the notes as text beside the slides, the CJK font on every page with Chinese, the outline.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveBrowser } from '../../scripts/slidev/browser'
import { renderHandout } from '../../scripts/handout/handout'
import { handoutContent } from '../../scripts/handout/handout-content'
import type { Deck } from '../../scripts/pipeline/types'
import { ROOT } from '../../scripts/core/paths'
import { CLI, defaultDeck, tempDir } from '../helpers'

const run = promisify(execFile)
const dir = tempDir()
const cli = (...args: string[]) => run(process.execPath, [...CLI, ...args], { cwd: ROOT, timeout: 170_000 })
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])
const text = (pdf: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'], { encoding: 'utf8' })
const flat = (s: string) => s.replace(/\s+/g, '')

const three = join(dir, 'handout.pdf')
const two = join(dir, 'handout-2.pdf')
let slides = 0
let notes: string[] = []
let secondRun = ''

beforeAll(async () => {
  const { deck } = await defaultDeck()
  const content = handoutContent(deck)
  slides = content.slides.length
  // Each paragraph and list item of the notes (pdftotext reads the notes column next to the slide's text).
  notes = content.slides.flatMap(s => s.notesHtml.split(/<[^>]+>/).map(t => t.replace(/&[a-z]+;|&#\d+;/g, ' ').trim()).filter(Boolean))
  await cli('handout', '--offline', '-o', three)
  secondRun = (await cli('handout', '--offline', '--per-page', '2', '-o', two)).stdout
}, 180_000)

describe('npm run handout (default notes)', () => {
  it('has ceil(slides / per page) A4 portrait pages', () => {
    expect(pages(three)).toBe(Math.ceil(slides / 3))
    expect(pages(two)).toBe(Math.ceil(slides / 2))
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [three], { encoding: 'utf8' }))
    expect(Number(size?.[1])).toBeCloseTo(595.3, 0)
    expect(Number(size?.[2])).toBeCloseTo(841.9, 0)
  })

  it('reuses the exported slides for a second layout', () => {
    expect(secondRun).not.toMatch(/slides\.pdf \(\d+ pages/)
    expect(secondRun).toMatch(/handout-2\.pdf \(\d+ A4 pages, 2 slides per page/)
  })

  it('has every slide\'s speaker notes as text', () => {
    const all = flat(text(three))
    expect(notes.length).toBeGreaterThan(10)
    for (const n of notes)
      expect(all, n.slice(0, 40)).toContain(flat(n).slice(0, 12))
  })

  it('has the slides as vector text, diagrams included', () => {
    const all = flat(text(three))
    for (const s of ['大模型学习笔记', '萌芽期', '有监督微调', '按照输入数据类型'])
      expect(all).toContain(s)
  })

  it('puts the deck title and the page number in every footer', () => {
    const total = pages(three)
    for (let p = 1; p <= total; p++) {
      const t = flat(text(three, p))
      expect(t).toContain('大模型学习笔记')
      expect(t).toContain(`${p}/${total}`)
    }
  })

  it('embeds the CJK font on every page with Chinese', () => {
    for (let p = 1; p <= pages(three); p++) {
      const fonts = execFileSync('pdffonts', ['-f', String(p), '-l', String(p), three], { encoding: 'utf8' }).split('\n').slice(2).filter(l => /NotoSansSC/.test(l))
      expect(fonts.length, `page ${p}`).toBeGreaterThan(0)
      for (const l of fonts)
        expect(l.split(/\s+/).slice(-5, -4)[0], `page ${p}: ${l}`).toBe('yes')
    }
  })

  it('has an outline: the deck, then its sections on the pages they start', () => {
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', three], { encoding: 'utf8' })
    const outline = xml.slice(xml.indexOf('<outline>'))
    expect(outline).toMatch(/^<outline>\s*<item page="1">大模型学习笔记<\/item>\s*<outline>/)
    for (const s of ['定义', '大模型发展历程', '大模型的分类', '模型的泛化与微调', '大模型人类偏好对齐', '参考文档'])
      expect(outline).toMatch(new RegExp(`<item page="\\d">${s}</item>`))
  })
})

describe('handout layout with long notes', () => {
  async function slidesPdf(n: number): Promise<string> {
    const { PDFDocument, StandardFonts } = await import('pdf-lib')
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    for (let i = 0; i < n; i++)
      doc.addPage([735, 414]).drawText(`S${i + 1}`, { x: 40, y: 360, size: 32, font }) // each page shows its slide's title
    const file = join(tempDir(), 'slides.pdf')
    writeFileSync(file, await doc.save())
    return file
  }
  const deck = (notes: string[]): Deck => ({ title: 'Talk', lang: 'en', slides: notes.map((n, i) => ({ no: i + 1, title: `S${i + 1}`, layout: 'content' as const, notes: n })) })
  const render = async (notes: string[], output: string) => renderHandout({
    deck: deck(notes),
    slidesPdf: await slidesPdf(notes.length),
    output,
    browser: await resolveBrowser(),
    perPage: 3,
    dark: false,
    notesFile: 'notes.md',
  })

  it('gives notes that do not fit in one slot two slots, and keeps all of their text', async () => {
    const long = Array.from({ length: 150 }, (_, i) => `word${i}`).join(' ')
    const out = join(tempDir(), 'h.pdf')
    const r = await render(['short', long, 'short', 'short'], out)
    expect(r.layout.frames.map(f => f.span)).toEqual([1, 2, 1, 1])
    expect(r.pages).toBe(2) // 1 + 2 slots on page 1; the last two on page 2
    expect(pages(out)).toBe(2)
    const all = text(out)
    expect(all).toContain('word0')
    expect(all).toContain('word149')
  }, 60_000)

  it('refuses a slides PDF that is not this deck (replaced since it was exported), and writes nothing', async () => {
    const out = join(tempDir(), 'h.pdf')
    const other = await slidesPdf(2) // pages titled S1, S2: another deck's
    await expect(renderHandout({ deck: { ...deck(['a', 'b']), slides: deck(['a', 'b']).slides.map(s => ({ ...s, title: s.title.replace(/S(\d)/, 'Talk $1') })) }, slidesPdf: other, output: out, browser: await resolveBrowser(), perPage: 3, dark: false, notesFile: 'notes.md' }))
      .rejects.toThrow(/is not this deck's slides: 2 pages do not show/)
    expect(existsSync(out)).toBe(false)
  }, 60_000)

  it('refuses notes too long for a whole page, naming the slide, and writes nothing', async () => {
    const out = join(tempDir(), 'h.pdf')
    const huge = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ')
    await expect(render(['short', huge], out)).rejects.toThrow(/speaker notes of slide 2 do not fit/)
    expect(existsSync(out)).toBe(false)
  }, 60_000)
})
