// The handout's pure parts: what goes beside each slide, the page's HTML, the geometry, the PDF merge.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { NotedeckError } from '../../scripts/core/errors'
import { composeHandout } from '../../scripts/handout/handout-compose'
import { handoutContent } from '../../scripts/handout/handout-content'
import { clock } from '../../scripts/core/pace'
import { PAGE, geometry, handoutHtml } from '../../scripts/handout/handout-layout'
import { perPageOption } from '../../scripts/cli/handout-command'
import { darkSlidesPath } from '../../scripts/slidev/variant'
import { speakerNotesText } from '../../scripts/pipeline/speaker-notes-text'
import type { Deck } from '../../scripts/pipeline/types'
import { defaultDeck, tempDir } from '../helpers'

/** A deck as generation makes it: a cover, a section, its same-named first slide, a plain slide. */
const deck: Deck = {
  title: 'Deck <title>',
  lang: 'en',
  slides: [
    { no: 1, title: 'Deck', level: 1, layout: 'cover', notes: '' },
    { no: 2, title: 'Part A', level: 1, layout: 'divider', notes: speakerNotesText(['A note with **bold**, <script>alert(1)</script> and [a link](javascript:alert(1)).']) },
    { no: 3, title: 'Part A', level: 2, layout: 'content', notes: '' },
    { no: 4, title: 'plain', layout: 'extra', notes: '' },
  ],
}

describe('handout content', () => {
  const c = handoutContent(deck)

  it('has one entry per slide, with the deck title', () => {
    expect(c.title).toBe('Deck <title>')
    expect(c.slides.map(s => s.no)).toEqual([1, 2, 3, 4])
  })

  it('renders notes as Markdown, with tags as text and no script link', () => {
    const html = c.slides[1]!.notesHtml
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('<script')
    expect(html).not.toMatch(/href="javascript:/i) // the link stays as its literal text
    expect(html).toContain('[a link](javascript:alert(1))')
  })

  it('gives outline levels to sections, not to a same-named first slide or plain slides', () => {
    expect(c.slides.map(s => s.level)).toEqual([undefined, 1, undefined, undefined])
  })

  it('covers every slide of the default deck, in order, with their notes', async () => {
    const { deck, plan } = await defaultDeck()
    const content = handoutContent(deck)
    expect(content.slides).toHaveLength(plan.slides.length)
    expect(content.slides.filter(s => s.notesHtml).length).toBeGreaterThan(plan.slides.length / 2)
    expect(content.slides.some(s => s.notesHtml.includes('萌芽期'))).toBe(true)
  })

  it('prints each slide\'s planned time beside its title', async () => {
    const { deck, plan } = await defaultDeck()
    const content = handoutContent(deck)
    expect(content.slides.map(s => s.budget)).toEqual(plan.slides.map(s => s.budget))
    const html = handoutHtml(content, { perPage: 3, dark: false, lang: 'zh-CN', fontCss: '/font/all.css' })
    const budget = plan.slides[1]!.budget!
    expect(html).toContain(`<span class="time" title="planned time">${clock(budget)}</span><span class="no">2</span>`)
  })
})

describe('handout page', () => {
  it('escapes titles and keeps notes HTML as rendered', () => {
    const html = handoutHtml(handoutContent(deck), { perPage: 3, dark: false, lang: 'en', fontCss: '/font/all.css' })
    expect(html).toContain('<title>Deck &#60;title&#62;</title>')
    expect(html).toContain('<h2 class="name">Part A</h2>')
    expect(html).toMatch(/script-src|default-src 'none'/)
    expect(html).not.toMatch(/<script/i)
  })

  it('fits the rows of a page and the slide frame inside the page body', () => {
    for (const per of [2, 3] as const) {
      const g = geometry(per)
      const body = PAGE.height - 2 * PAGE.margin - PAGE.footer
      expect(per * g.slot + (per - 1) * PAGE.gap).toBeCloseTo(body)
      expect(g.slideHeight + PAGE.caption).toBeLessThan(g.slot)
      expect(g.slideWidth + PAGE.column).toBeLessThan(PAGE.width - 2 * PAGE.margin - 50) // room for notes
    }
  })

  it('takes 2 or 3 slides per page, default 3', () => {
    expect(perPageOption(undefined)).toBe(3)
    expect(perPageOption('2')).toBe(2)
    expect(() => perPageOption('4')).toThrow(NotedeckError)
  })
})

describe('dark variant', () => {
  it('is the same deck rendered with the dark colour schema in its headmatter, nothing else', async () => {
    const { markdown, variant } = await defaultDeck()
    const dark = variant('dark')
    const lines = (md: string) => md.split('\n').filter(l => !l.startsWith('# notedeck-hash:'))
    expect(dark.split('\n').filter(l => l.startsWith('colorSchema:'))).toEqual(['colorSchema: dark'])
    expect(lines(dark).filter(l => l !== 'colorSchema: dark')).toEqual(lines(markdown).filter(l => !l.startsWith('colorSchema:')))
    expect(dark.indexOf('colorSchema: dark')).toBeLessThan(dark.indexOf('\n---\n', 4))
  })
  it('is written beside the slides, hidden', () => {
    expect(darkSlidesPath('/p/slides.md')).toBe('/p/.notedeck-slides-dark.slides.md')
    expect(darkSlidesPath('/p/.notedeck-talk.slides.md')).toBe('/p/.notedeck-talk-dark.slides.md')
  })
})

describe('composing the handout', () => {
  async function pdf(pages: number, size: [number, number], label: string) {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    for (let i = 0; i < pages; i++)
      doc.addPage(size).drawText(`${label} ${i + 1}`, { x: 20, y: 20, size: 12, font })
    return doc.save()
  }

  it('draws each slide page into its frame, keeping the handout pages', async () => {
    const handout = await pdf(2, [595, 842], 'page')
    const slides = await pdf(3, [735, 414], 'slide')
    const frames = [0, 0, 1].map((page, i) => ({ no: i + 1, page, x: 12, y: 20 + 90 * i, width: 104, height: 58.6 }))
    const bytes = await composeHandout(handout, slides, frames, { title: 'T' })
    const out = await PDFDocument.load(bytes)
    expect(out.getPageCount()).toBe(2)
    expect(out.getTitle()).toBe('T')
    // The slides stay text: read back from the pages they were drawn on.
    const file = join(tempDir(), 'h.pdf')
    writeFileSync(file, bytes)
    const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' })
    expect(page(1)).toMatch(/slide 1[\s\S]*slide 2/)
    expect(page(1)).not.toContain('slide 3')
    expect(page(2)).toContain('slide 3')
  })

  it('refuses a slides PDF whose page count is not the deck\'s', async () => {
    const handout = await pdf(1, [595, 842], 'page')
    const slides = await pdf(2, [735, 414], 'slide')
    await expect(composeHandout(handout, slides, [{ no: 1, page: 0, x: 0, y: 0, width: 10, height: 10 }], { title: 'T' })).rejects.toThrow(/2 pages but the deck has 1 slides/)
  })
})

describe('a slide\'s text as one line (the alternative of its picture in the handout)', () => {
  it('joins lines with a space, but not between wide characters', async () => {
    const { joinLines } = await import('../../scripts/handout/handout')
    expect(joinLines('Generative\nPretrained  Transformer\n大模型的泛化与微\n调\nGPT\n模型')).toBe('Generative Pretrained Transformer大模型的泛化与微调GPT模型')
  })
})
