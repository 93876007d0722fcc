// The editable PowerPoint, read back by structure and opened in a real client. For the default
// notes and every fixture (one of them with every layout): no slide falls back to a picture and the
// exporter reports nothing; each slide's title and text are text runs, its speaker notes are in its
// notes part, pictures only for diagrams and images; LibreOffice Impress opens it, one page per
// slide, each page showing its slide's text, in Chinese where the deck is, nothing off the page.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveBrowser } from '../../scripts/slidev/browser'
import { deckShape, squeeze } from '../../scripts/export/deck-proof'
import { exportDeck } from '../../scripts/export/export'
import { generate } from '../../scripts/pipeline/generate'
import { ROOT } from '../../scripts/core/paths'
import { FIXTURES, NOTES, tempDir } from '../helpers'
import { readPptx } from './pptx-read'

/** LibreOffice, headless, with a profile of its own (it refuses to share one with another instance). */
function soffice(pptx: string, outDir: string): string {
  const profile = join(tempDir(), 'profile')
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, pptx], { stdio: 'pipe', timeout: 120_000 })
  }
  catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer }
    throw new Error(err.code === 'ENOENT' ? 'LibreOffice is not installed: apt-get install -y libreoffice-impress (the PowerPoint test opens each file in it)' : `soffice failed: ${err.stderr?.toString() ?? err.message}`)
  }
  finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return join(outDir, 'deck.pdf')
}

const pdfText = (pdf: string, page: number) => execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' })
/** Words whose box leaves the page: `pdftotext -bbox` gives every word's box and the page's size. */
function wordsOffPage(pdf: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
  const off: string[] = []
  for (const page of html.split('<page ').slice(1)) {
    const [w, h] = [/width="([\d.]+)"/, /height="([\d.]+)"/].map(r => Number(r.exec(page)![1]))
    for (const m of page.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</g)) {
      const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number]
      if (x0 < -1 || y0 < -1 || x1 > w! + 1 || y1 > h! + 1)
        off.push(m[5]!)
    }
  }
  return off
}

/** The characters of `want` that `have` lacks (counted), in order. */
function missingChars(want: string, have: string): string {
  const count = new Map<string, number>()
  for (const c of have)
    count.set(c, (count.get(c) ?? 0) + 1)
  return [...want].filter(c => (count.set(c, (count.get(c) ?? 0) - 1).get(c) ?? 0) < 0).join('')
}

const made: string[] = []
afterAll(() => made.forEach(f => rmSync(f, { force: true })))
const decks = [NOTES, ...readdirSync(FIXTURES).filter(f => f.endsWith('.md')).map(f => join(FIXTURES, f))]
const every = join(FIXTURES, 'every-layout.md')

describe('export --format pptx: editable, complete, opened by LibreOffice', () => {
  it('the fixture with every layout has them all', () => {
    const markdown = readFileSync(every, 'utf8')
    for (const part of ['\n## ', '\n### ', '| --- |', '```python', '```\n┌', '![', '](https://', '* **', '(2017-2019)'])
      expect(markdown, part).toContain(part)
  })

  it.each(decks.map(n => [n.slice(ROOT.length + 1), n]))('%s', async (_name, notes) => {
    const dir = tempDir()
    const out = join(ROOT, `.notedeck-test-pptx-${notes.replace(/\W+/g, '_').slice(-40)}.slides.md`)
    made.push(out)
    const config = notes.replace(/\.md$/, '.yaml')
    const result = await generate({ notes, out, offline: true, ...(existsSync(config) ? { config } : {}) })
    const output = join(dir, 'deck.pptx')
    const done = await exportDeck({ slides: out, output, format: 'pptx', browser: await resolveBrowser(), timeoutMs: 60_000, dark: false })

    // Slidev's exporter reports nothing it could not do; the fonts it names are the slides' own.
    const { fontsNamed, slideCount, ...problems } = done.report!
    expect(problems).toEqual({ fallbackSlides: [], imagesDropped: 0, isolationMissed: 0, rastersFailed: 0, unparsedColors: [], unplaceablePseudos: [] })
    const slides = parseSync(result.markdown, 'slides.md').slides
    expect(slideCount).toBe(slides.length)
    // Code (blocks and inline) is set in the code font.
    const hasCode = slides.some(s => /`|<code/.test(s.content.replace(/^```mermaid\n[\s\S]*?^```$/gm, '')))
    expect(fontsNamed).toEqual(hasCode ? ['Maple Mono CN', 'Noto Sans SC'] : ['Noto Sans SC'])

    const deck = await readPptx(readFileSync(output))
    expect(deck.slides).toHaveLength(slides.length)
    expect(deck.fonts).toEqual(fontsNamed)
    expect(deck.langs).toEqual([result.plan.lang === 'zh' ? 'zh-CN' : 'en-US'])
    const { titles } = deckShape(result.markdown)
    deck.slides.forEach((s, i) => {
      const where = `slide ${i + 1}`
      expect(s.pictureBackground, `${where} is one picture`).toBe(false)
      expect(squeeze(s.runs.join('')), where).toContain(squeeze(titles[i] ?? ''))
      // Pictures only where the slide has a diagram or an image, one each.
      const content = slides[i]!.content
      const figures = (content.match(/class="nd-diagram"/g)?.length ?? 0) + (content.match(/!\[|<img /g)?.length ?? 0)
      expect(s.pictures, where).toBe(figures)
      // The speaker notes are the slide's notes part.
      if (slides[i]!.note)
        expect(squeeze(s.notes), where).toContain(squeeze(slides[i]!.note!).slice(0, 60))
      // Every text box on the slide (the exporter's slack for PowerPoint's wider text: 12 px).
      for (const b of s.textBoxes) {
        expect(b.x, where).toBeGreaterThanOrEqual(0)
        expect(b.y, where).toBeGreaterThanOrEqual(0)
        expect(b.x + b.w, where).toBeLessThanOrEqual(deck.size.cx + 12 * 9525)
        expect(b.y + b.h, where).toBeLessThanOrEqual(deck.size.cy)
      }
    })

    // LibreOffice Impress opens it: a page per slide, each with its title and all of its text (the
    // characters: where a font is missing, glyphs drawn from a fallback come in another order).
    const pdf = soffice(output, dir)
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBe(slides.length)
    deck.slides.forEach((s, i) => {
      const page = squeeze(pdfText(pdf, i + 1))
      expect(page, `page ${i + 1} in LibreOffice`).toContain(squeeze(titles[i] ?? ''))
      expect(missingChars(squeeze(s.runs.join('')), page), `page ${i + 1} in LibreOffice`).toBe('')
    })
    expect(wordsOffPage(pdf)).toEqual([])
    if (result.plan.lang === 'zh') // Chinese drawn with a font that has it, here or by the viewer's fallback
      expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/Noto Sans (?:CJK )?SC|Droid ?Sans ?Fallback|WenQuanYi|YaHei|PingFang/i)
  }, 180_000)

  it('the same deck twice gives the same bytes', async () => {
    const out = join(ROOT, '.notedeck-test-pptx-twice.slides.md')
    made.push(out)
    await generate({ notes: every, out, offline: true, config: every.replace(/\.md$/, '.yaml') })
    const dir = tempDir()
    const browser = await resolveBrowser()
    const [a, b] = [join(dir, 'a.pptx'), join(dir, 'b.pptx')]
    await exportDeck({ slides: out, output: a, format: 'pptx', browser, timeoutMs: 60_000, dark: false })
    await exportDeck({ slides: out, output: b, format: 'pptx', browser, timeoutMs: 60_000, dark: false })
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true)
  }, 180_000)
})
