// Proof that an export printed its own deck, and the export's retry: without a browser (PDFs made
// with pdf-lib, a render function that misbehaves on purpose).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { mismatches, pdfPageTexts } from '../../scripts/export/deck-proof'
import { squeeze, titleOf } from '../../scripts/pipeline/notes/slide-title'
import type { Deck } from '../../scripts/pipeline/types'
import { slidevSlides } from '../../scripts/slidev/slidev-slides'
import { type ExportOptions, type ExportTarget, type Made, type Rendered, exportDeck, exportDecks } from '../../scripts/export/export'
import type { RenderOptions } from '../../scripts/export/render-deck'
import { isNotedeckError } from '../../scripts/core/errors'
import { DeckMismatch } from '../../scripts/export/printer'
import { DEFAULT_SLIDES } from '../../scripts/core/paths'
import { defaultDeck, readText, tempDir } from '../helpers'

/** What a render made, with a page that measured nothing wrong. */
const rendered = (made: Made[]): Rendered => ({ made, audit: { slides: [], texts: [], problems: [] }, markdown: '', deck: deckOf([]) })

/** A deck of slides with these titles ('' for none). */
const deckOf = (titles: string[]): Deck => ({ title: 'T', lang: 'en', slides: titles.map((title, i) => ({ no: i + 1, title, layout: 'content' as const, notes: '' })) })

async function pdfOf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const lines of pages) {
    const page = doc.addPage([980, 552])
    lines.forEach((line, i) => page.drawText(line, { x: 40, y: 500 - i * 30, size: 20, font }))
  }
  return doc.save()
}

describe('a hand-written slide\'s title, as shown', () => {
  it.each([
    ['<h1><span id="nd-l3"></span><span v-pre>定义</span> <span class="nd-cont">1/2</span></h1>\n\ntext', '定义 1/2'],
    ['<h1 v-pre>Fish &amp; Chips &lt;3</h1>', 'Fish & Chips <3'],
    ['<h1><span v-pre>Hostile {{ 7*7 }} _x_ [a](b)</span></h1>', 'Hostile {{ 7*7 }} _x_ [a](b)'],
    ['# A **bold** [link](https://x.invalid) `code`\n\n<h1>later</h1>', 'A bold link code'],
    ['<div>no heading here</div>', undefined],
    ['<h1><span id="nd-l9"></span></h1>', undefined],
  ])('%j -> %j', (content, title) => {
    expect(titleOf(content)).toBe(title)
  })

  it('every slide of the generated deck has one, the cover\'s is the deck\'s title, and each slide of the committed file shows its own', async () => {
    const { deck } = await defaultDeck()
    const titles = deck.slides.map(s => s.title)
    expect(titles.every(Boolean)).toBe(true)
    expect(titles[0]).toBe(deck.title)
    expect(readText(DEFAULT_SLIDES)).toContain(`title: "${titles[0]}"`)
    // What the proof looks for on a page is what the slide shows: its heading in the slides file.
    const shown = slidevSlides(readText(DEFAULT_SLIDES)).slides.map(s => titleOf(s.content))
    expect(shown).toHaveLength(titles.length)
    shown.forEach((t, i) => expect(squeeze(t ?? ''), `slide ${i + 1}`).toContain(squeeze(titles[i]!)))
  })
})

describe('mismatches between a deck and its printed pages', () => {
  const deck = deckOf(['Cover', 'Second slide', ''])

  it('none when each page holds its title (white space and compatibility forms aside)', () => {
    expect(mismatches(deck, ['Cover\nby me', 'Second\n slide text', 'anything'])).toEqual([])
    expect(squeeze('ﬁle Ａ b')).toBe('fileAb')
  })

  it('a different page count', () => {
    expect(mismatches(deck, ['Cover', 'Second slide'])).toEqual(['2 pages printed, the deck has 3 slides'])
  })

  it('pages of another deck, or blank ones, named by slide', () => {
    expect(mismatches(deck, ['Cover', '', 'x'])[0]).toMatch(/slide 2 "Second slide" \(page reads "nothing"\)/)
    expect(mismatches(deck, ['Other deck', 'Other slide', 'x'])[0]).toMatch(/^2 pages do not show/)
  })

  it('reads a PDF back page by page', async () => {
    const texts = await pdfPageTexts(await pdfOf([['Cover', 'by me'], ['Second slide']]))
    expect(texts.map(squeeze)).toEqual(['Coverbyme', 'Secondslide'])
  })
})

describe('the export\'s retry', () => {
  const setup = () => {
    const dir = tempDir()
    const output = join(dir, 'deck.pdf')
    writeFileSync(output, 'the previous PDF')
    const opts: ExportOptions = { slides: DEFAULT_SLIDES, deck: deckOf(['Cover']), output, format: 'pdf', browser: '/unused', timeoutMs: 1000, dark: false }
    return { output, opts }
  }
  const good: Made = { kind: 'file', data: new TextEncoder().encode('%PDF- this deck') }

  it('a first print of another deck is printed again, and the second one is written', async () => {
    const { output, opts } = setup()
    let calls = 0
    const render = async (): Promise<Rendered> => {
      calls++
      if (calls === 1)
        throw new DeckMismatch(['slide 1 "Cover" (page reads "Another")'])
      return rendered([good])
    }
    let stamped = false
    const r = await exportDeck(opts, async () => { stamped = true }, render)
    expect(r.attempts).toBe(2)
    expect(readFileSync(output, 'utf8')).toBe('%PDF- this deck')
    expect(stamped).toBe(true)
  })

  it('twice another deck: EXPORT_FAILED naming what did not match, the previous output left in place', async () => {
    const { output, opts } = setup()
    let calls = 0
    const render = async (): Promise<Rendered> => {
      calls++
      throw new DeckMismatch(['20 pages printed, the deck has 19 slides'])
    }
    const e = await exportDeck(opts, async () => {}, render).catch((x: unknown) => x)
    expect(isNotedeckError(e) && e.code).toBe('EXPORT_FAILED')
    expect(String((e as Error).message)).toContain('20 pages printed, the deck has 19 slides')
    expect(String((e as Error).message)).toContain('previous output was left in place')
    expect(calls).toBe(2)
    expect(readFileSync(output, 'utf8')).toBe('the previous PDF')
    expect(existsSync(`${output}.lock`)).toBe(false)
  })

  it('other failures are not retried', async () => {
    const { opts } = setup()
    let calls = 0
    const render = async (): Promise<Rendered> => {
      calls++
      throw new Error('the browser did not start')
    }
    await expect(exportDeck(opts, async () => {}, render)).rejects.toThrow('the browser did not start')
    expect(calls).toBe(1)
  })
})

describe('several outputs from one export', () => {
  const file = (text: string): Made => ({ kind: 'file', data: new TextEncoder().encode(text) })
  it('formats of one scale share a page (one render), the others get their own; each output installed, stamped, in order', async () => {
    const dir = tempDir()
    const calls: string[][] = []
    const render = async (o: RenderOptions): Promise<Rendered> => {
      calls.push(o.formats)
      return rendered(o.formats.map(f => f === 'png' ? { kind: 'folder', files: [{ name: '1.png', data: new Uint8Array([1]) }] } : file(`made ${f}`)))
    }
    const stamped: string[] = []
    const targets: ExportTarget[] = (['pdf', 'pptx', 'png', 'pptx-image'] as const).map(format => ({ format, output: join(dir, `out-${format}`), after: async () => { stamped.push(format) } }))
    const results = await exportDecks({ slides: DEFAULT_SLIDES, deck: deckOf(['Cover']), browser: '/unused', timeoutMs: 1000, dark: false }, targets, render)
    expect(calls).toEqual([['pdf', 'pptx'], ['png', 'pptx-image']])
    expect(results.map(r => r.format)).toEqual(['pdf', 'pptx', 'png', 'pptx-image'])
    expect(readFileSync(join(dir, 'out-pptx'), 'utf8')).toBe('made pptx')
    expect(readFileSync(join(dir, 'out-png', '1.png'))).toEqual(Buffer.from([1]))
    expect(stamped).toEqual(['pdf', 'pptx', 'png', 'pptx-image'])
  })

  it('a page that is not this deck is made again, for all its outputs', async () => {
    const dir = tempDir()
    let calls = 0
    const render = async (o: RenderOptions): Promise<Rendered> => {
      if (++calls === 1)
        throw new DeckMismatch(['a page does not show its slide\'s title'])
      return rendered(o.formats.map(f => file(f)))
    }
    const results = await exportDecks({ slides: DEFAULT_SLIDES, deck: deckOf(['Cover']), browser: '/unused', timeoutMs: 1000, dark: false }, [{ format: 'pdf', output: join(dir, 'a.pdf') }, { format: 'pptx', output: join(dir, 'a.pptx') }], render)
    expect(results.map(r => r.attempts)).toEqual([2, 2])
    expect(readFileSync(join(dir, 'a.pptx'), 'utf8')).toBe('pptx')
  })
})
