// Same deck, same bytes: a PowerPoint's dates are fixed, its entries keep their order, and the
// text of a deck not in English carries the deck's language.
import JSZip from 'jszip'
import PptxGenJS from 'pptxgenjs'
import { describe, expect, it, vi } from 'vitest'
import { FIXED_DATE, stablePptx } from '../../scripts/export/pptx-stable'

async function deck(text: string): Promise<Uint8Array> {
  const pptx = new PptxGenJS()
  const slide = pptx.addSlide()
  slide.addText(text, { x: 1, y: 1, w: 4, h: 1, fontFace: 'Noto Sans SC' })
  slide.addNotes('讲稿')
  return new Uint8Array(await pptx.write({ outputType: 'nodebuffer' }) as Buffer)
}

const entries = async (data: Uint8Array) => Object.values((await JSZip.loadAsync(data)).files).filter(f => !f.dir)
const text = async (data: Uint8Array, name: string) => (await JSZip.loadAsync(data)).file(name)!.async('string')

describe('stablePptx', () => {
  it('two files made at different times become the same bytes', async () => {
    // The clock set, not waited for: the second deck an hour after the first (zip times have a two-second grain).
    vi.useFakeTimers({ toFake: ['Date'] })
    const [a, b] = await (async () => {
      try {
        vi.setSystemTime(new Date('2026-03-01T10:00:00Z'))
        const first = await deck('大模型')
        vi.setSystemTime(new Date('2026-03-01T11:00:00Z'))
        return [first, await deck('大模型')]
      }
      finally {
        vi.useRealTimers()
      }
    })()
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false)
    expect(Buffer.from(await stablePptx(a)).equals(Buffer.from(await stablePptx(b)))).toBe(true)
  })

  it('dates every entry and the properties at the fixed date, keeps every entry in order', async () => {
    const raw = await deck('x')
    const stable = await stablePptx(raw)
    const before = await entries(raw)
    const after = await entries(stable)
    expect(after.map(f => f.name)).toEqual(before.map(f => f.name))
    for (const f of after)
      expect(f.date.getTime(), f.name).toBe(FIXED_DATE.getTime())
    const core = await text(stable, 'docProps/core.xml')
    expect([...core.matchAll(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g)].map(m => m[1])).toEqual(['2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z'])
  })

  it('marks the text of a Chinese deck zh-CN (English as the alternative), leaves an English deck alone', async () => {
    const raw = await deck('大模型 LLM')
    const zh = await text(await stablePptx(raw, { lang: 'zh-CN' }), 'ppt/slides/slide1.xml')
    expect(zh).toMatch(/<a:rPr lang="zh-CN" altLang="en-US"/)
    expect(zh).not.toMatch(/lang="en-US"(?! )/)
    const notes = await text(await stablePptx(raw, { lang: 'zh-CN' }), 'ppt/notesSlides/notesSlide1.xml')
    expect(notes).toContain('lang="zh-CN"')
    const en = await text(await stablePptx(raw, { lang: 'en' }), 'ppt/slides/slide1.xml')
    expect(en).toBe(await text(raw, 'ppt/slides/slide1.xml'))
  })
})
