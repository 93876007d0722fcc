// The decks of the default notes and of every fixture (one of them with every layout), each exported
// once to a PDF and an editable PowerPoint from one page (`--format pdf,pptx`), read back by
// structure. The PDF and the handout made from it are tagged: in the deck's language, a heading per
// slide holding its title, each card a group under its term, every figure with its alternative
// text. The PowerPoint is editable and complete: no slide falls back to a picture and the exporter
// reports nothing; each slide's title and text are text runs, its tables PowerPoint tables, its
// speaker notes in its notes part, pictures only for diagrams and images; LibreOffice Impress opens
// it, one page per slide, each page showing its slide's text as large as the PDF does, in Chinese
// where the deck is, nothing off the page.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/core/paths'
import { squeeze } from '../../scripts/pipeline/notes/slide-title'
import { type ExportResult, exportDeck, exportDecks } from '../../scripts/export/export'
import { renderHandout } from '../../scripts/handout/handout'
import { type GenerateResult, generate } from '../../scripts/pipeline/generate'
import { LANG_TAGS } from '../../scripts/pipeline/i18n'
import type { Browser } from 'playwright-chromium'
import { launchBrowser, resolveBrowser } from '../../scripts/slidev/browser'
import { type Exporter, openExporter } from '../../scripts/export/exporter'
import { FIXTURES, NOTES, shownTitles, tempDir } from '../helpers'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { visit } from 'unist-util-visit'
import { missingChars, pdfText, soffice, wordBoxes, wordHeights, wordsOffPage } from './office'
import { all, catalog, structure } from './pdf-read'
import { lostInPdf } from './pdf-lost'
import { lostParts } from '../../scripts/export/audit'
import { readPptx, xmlText } from './pptx-read'

const made: string[] = []
// Every deck on one exporter (one Slidev server, one browser), as `npm run export -- a.md b.md …`
// does; handouts on one more browser.
let exporter: Promise<Exporter> | undefined
let handoutBrowser: Promise<Browser> | undefined
afterAll(async () => {
  await Promise.all([exporter?.then(e => e.close()), handoutBrowser?.then(b => b.close())])
  made.forEach(f => rmSync(f, { force: true }))
})
const decks = [NOTES, ...readdirSync(FIXTURES).filter(f => f.endsWith('.md')).map(f => join(FIXTURES, f))]
const every = join(FIXTURES, 'every-layout.md')

interface Exported { dir: string, out: string, result: GenerateResult, pdf: string, pptx: string, report: ExportResult['report'], rendered: ExportResult['rendered'] }
const exports = new Map<string, Promise<Exported>>()
/** The notes generated (with `<notes>.yaml` as the deck config when there is one) and exported once, to both formats. */
function exported(notes: string): Promise<Exported> {
  if (!exports.has(notes)) {
    exports.set(notes, (async () => {
      const dir = tempDir()
      const out = join(ROOT, `.notedeck-test-decks-${notes.replace(/\W+/g, '_').slice(-40)}.slides.md`)
      made.push(out)
      const config = notes.replace(/\.md$/, '.yaml')
      const result = await generate({ notes, out, offline: true, ...(existsSync(config) ? { config } : {}) })
      const [pdf, pptx] = [join(dir, 'slides.pdf'), join(dir, `${notes.replace(/\W+/g, '_').slice(-40)}.pptx`)]
      exporter ??= resolveBrowser().then(b => openExporter(b, 60_000))
      const { render } = await exporter
      const [first, done] = await exportDecks({ slides: out, deck: result.deck, browser: await resolveBrowser(), timeoutMs: 60_000, dark: false }, [{ format: 'pdf', output: pdf }, { format: 'pptx', output: pptx }], render)
      return { dir, out, result, pdf, pptx, report: done!.report, rendered: first!.rendered }
    })())
  }
  return exports.get(notes)!
}

/** Every deck's PowerPoint opened by LibreOffice and saved as PDF, all in one start of it. */
let office: Promise<Map<string, string>> | undefined
function opened(): Promise<Map<string, string>> {
  office ??= Promise.all(decks.map(exported)).then((all) => {
    const pptxs = all.map(e => e.pptx)
    const pdfs = soffice(pptxs, tempDir())
    return new Map(pptxs.map((p, i) => [p, pdfs[i]!]))
  })
  return office
}

/** The tables a slide shows: Markdown tables and HTML ones. */
function tablesIn(content: string): number {
  let n = 0
  visit(fromMarkdown(content, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), (node) => {
    if (node.type === 'table')
      n++
    else if (node.type === 'html')
      n += node.value.match(/<table\b/gi)?.length ?? 0
  })
  return n
}

describe('nothing lost: every code line and symbol of the notes in the PDF\'s text, and every slide showing all it holds', () => {
  it.each(decks.map(n => [n.slice(ROOT.length + 1), n]))('%s', async (_name, file) => {
    const { pdf, rendered } = await exported(file)
    expect(lostParts(rendered.audit).map(f => `slide ${f.slide}: ${f.message}`)).toEqual([])
    expect(rendered.audit.problems).toEqual([])
    const lost = lostInPdf(readFileSync(file, 'utf8'), pdf)
    expect(lost.missingLines).toEqual([])
    expect(lost.missingSymbols).toEqual([])
  }, 180_000)
})

describe('tagged PDFs: slides and handout', () => {
  it.each(decks.map(n => [n.slice(ROOT.length + 1), n]))('%s', async (_name, file) => {
    const { dir, out, result, pdf } = await exported(file)
    handoutBrowser ??= resolveBrowser().then(b => launchBrowser(b))
    const browser = await handoutBrowser
    const lang = LANG_TAGS[result.plan.lang]

    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
    const tree = structure(pdf)
    // One heading per slide, in order, holding that slide's title.
    const titles = shownTitles(result.markdown)
    const h1 = all(tree, 'H1').map(h => squeeze(h.text))
    expect(h1).toHaveLength(titles.length)
    titles.forEach((t, i) => t && expect(h1[i], `slide ${i + 1}`).toContain(squeeze(t)))
    // A card is its term (a heading) and its text, together in one element, nothing of another card in it.
    for (const h2 of all(tree, 'H2')) {
      const group = [...all(tree, 'NonStruct'), ...all(tree, 'Sect'), ...all(tree, 'Div')].find(g => g.children.includes(h2))!
      expect(group, h2.text).toBeDefined()
      expect(all(group, 'H2')).toHaveLength(1)
      expect(squeeze(group.text).startsWith(squeeze(h2.text))).toBe(true)
    }
    // Tables keep their header cells.
    if (result.markdown.includes('\n| --- '))
      expect(all(tree, 'TH').length).toBeGreaterThan(0)
    const info = await catalog(pdf)
    expect(info.lang).toBe(`(${lang})`)
    expect(info.kept).toEqual({ parentTree: true, marked: 'true' })
    expect(info.displayTitle).toBe('true')
    expect(info.title).toBe(result.plan.title) // the deck's title as written, every character
    // Every diagram and image is a figure with its alternative text.
    const pictures = (result.markdown.match(/class="nd-diagram"/g)?.length ?? 0) + (result.markdown.match(/!\[|<img /g)?.length ?? 0)
    expect(info.figures.length).toBeGreaterThanOrEqual(pictures)
    expect(info.figures.filter(alt => !alt.trim())).toEqual([])

    // The handout: tagged too, in the same language; each slide a figure whose alternative is its text.
    const handout = join(dir, 'handout.pdf')
    await renderHandout({ deck: result.deck, slidesPdf: pdf, output: handout, browser, perPage: 3, dark: false, notesFile: file })
    expect(execFileSync('pdfinfo', [handout], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
    const h = await catalog(handout)
    expect(h.lang).toBe(`(${lang})`)
    expect(h.kept).toEqual({ parentTree: true, marked: 'true' })
    expect(h.displayTitle).toBe('true')
    expect(h.figures).toHaveLength(titles.length)
    titles.forEach((t, i) => t && expect(squeeze(h.figures[i]!), `handout slide ${i + 1}`).toContain(squeeze(t)))
  }, 120_000)
})

describe('export --format pptx: editable, complete, opened by LibreOffice', () => {
  it('the fixture with every layout has them all', () => {
    const markdown = readFileSync(every, 'utf8')
    for (const part of ['\n## ', '\n### ', '| --- |', '```python', '```\n┌', '![', '](https://', '* **', '(2017-2019)'])
      expect(markdown, part).toContain(part)
  })

  it.each(decks.map(n => [n.slice(ROOT.length + 1), n]))('%s', async (_name, notes) => {
    const { dir, result, pdf: printed, pptx: output, report } = await exported(notes)

    // Slidev's exporter reports nothing it could not do; the fonts it names are the slides' own.
    const { fontsNamed, slideCount, ...problems } = report!
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
    const titles = shownTitles(result.markdown)
    deck.slides.forEach((s, i) => {
      const where = `slide ${i + 1}`
      expect(s.pictureBackground, `${where} is one picture`).toBe(false)
      expect(squeeze(s.runs.join('')), where).toContain(squeeze(titles[i] ?? ''))
      // Pictures only where the slide has a diagram or an image, one each.
      const content = slides[i]!.content
      const figures = (content.match(/class="nd-diagram"/g)?.length ?? 0) + (content.match(/!\[|<img /g)?.length ?? 0)
      expect(s.pictures, where).toBe(figures)
      // Each diagram's picture carries the diagram's text alternative, drawn at four times its size
      // (sharp at 400 % zoom); no picture is described by the CSS that made it one.
      const diagramAlts = [...content.matchAll(/class="nd-diagram" role="img" aria-label="([^"]*)"/g)].map(m => xmlText(m[1]!).trim())
      expect(s.pictureAlts.filter(a => /^Rendered as an image/.test(a)), where).toEqual([])
      for (const alt of diagramAlts) {
        const k = s.pictureAlts.indexOf(alt)
        expect(k, `${where}: a picture described "${alt.slice(0, 40)}"`).toBeGreaterThanOrEqual(0)
        expect(s.pictureScales[k], `${where}: pixels per CSS px of the diagram's picture`).toBeGreaterThanOrEqual(3.9)
      }
      // The speaker notes are the slide's notes part.
      if (slides[i]!.note)
        expect(squeeze(s.notes), where).toContain(squeeze(slides[i]!.note!).slice(0, 60))
      // Tables are PowerPoint tables (rows and cells, not text boxes and lines), each with its text.
      expect(s.tables.length, `${where}: tables`).toBe(tablesIn(content))
      for (const t of s.tables)
        expect(t.rows.every(r => r.length > 0) && t.rows.flat().join('').length > 0, `${where}: a table with its cells`).toBe(true)
      // Every text box and table on the slide (the exporter's slack for PowerPoint's wider text: 12 px).
      for (const b of [...s.textBoxes, ...s.tables]) {
        expect(b.x, where).toBeGreaterThanOrEqual(0)
        expect(b.y, where).toBeGreaterThanOrEqual(0)
        expect(b.x + b.w, where).toBeLessThanOrEqual(deck.size.cx + 12 * 9525)
        expect(b.y + b.h, where).toBeLessThanOrEqual(deck.size.cy)
      }
    })

    // LibreOffice Impress opens it: a page per slide, each with its title and all of its text (the
    // characters: where a font is missing, glyphs drawn from a fallback come in another order).
    const pdf = (await opened()).get(output)!
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBe(slides.length)
    deck.slides.forEach((s, i) => {
      const page = squeeze(pdfText(pdf, i + 1))
      expect(page, `page ${i + 1} in LibreOffice`).toContain(squeeze(titles[i] ?? ''))
      expect(missingChars(squeeze(s.runs.join('')), page), `page ${i + 1} in LibreOffice`).toBe('')
    })
    const inOfficeWords = wordBoxes(pdf)
    expect(wordsOffPage(inOfficeWords)).toEqual([])
    // Text as large as on the slide (zoomed slides too): on a page with no picture, the median word
    // is as tall as in the PDF, but for the fallback fonts' other ascent and descent (about 0.9).
    const [shown, inOffice] = [wordHeights(wordBoxes(printed)), wordHeights(inOfficeWords)]
    deck.slides.forEach((s, i) => {
      if (!s.pictures)
        expect(inOffice[i]! / shown[i]!, `page ${i + 1}: words in LibreOffice vs the PDF`).toSatisfy((r: number) => r > 0.8 && r < 1.2)
    })
    if (result.plan.lang === 'zh') // Chinese drawn with a font that has it, here or by the viewer's fallback
      expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/Noto Sans (?:CJK )?SC|Droid ?Sans ?Fallback|WenQuanYi|YaHei|PingFang/i)
  }, 180_000)

  it('the same deck twice gives the same bytes (exported alone, or beside its PDF)', async () => {
    const first = await exported(every)
    const again = join(tempDir(), 'again.pptx')
    await exportDeck({ slides: first.out, deck: first.result.deck, output: again, format: 'pptx', browser: await resolveBrowser(), timeoutMs: 60_000, dark: false })
    expect(readFileSync(again).equals(readFileSync(first.pptx))).toBe(true)
  }, 180_000)
})
