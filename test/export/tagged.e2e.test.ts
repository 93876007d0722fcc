// Accessible PDFs, read back by structure: the slides and the handout of the default notes and of
// every fixture are tagged, in the deck's language, with one heading per slide holding its title,
// each card a contiguous group under its term, every figure with its alternative text.
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveBrowser } from '../../scripts/slidev/browser'
import { deckShape, squeeze } from '../../scripts/export/deck-proof'
import { exportDeck } from '../../scripts/export/export'
import { generate } from '../../scripts/pipeline/generate'
import { renderHandout } from '../../scripts/handout/handout'
import { ROOT } from '../../scripts/core/paths'
import { LANG_TAGS, navTitle } from '../../scripts/pipeline/render/render'
import { FIXTURES, NOTES, tempDir } from '../helpers'

interface Node { type: string, text: string, children: Node[], attrs: string[] }

/** poppler's `pdfinfo -struct-text` as a tree: elements by indentation, their text collected. */
function structure(pdf: string): Node {
  const out = execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  const root: Node = { type: 'root', text: '', children: [], attrs: [] }
  const stack: Array<{ indent: number, node: Node }> = [{ indent: -1, node: root }]
  for (const line of out.split('\n')) {
    const indent = line.length - line.trimStart().length
    const body = line.trim()
    if (!body)
      continue
    while (stack.length > 1 && stack.at(-1)!.indent >= indent)
      stack.pop()
    const parent = stack.at(-1)!.node
    if (body.startsWith('"')) {
      const text = body.slice(1, -1)
      for (const s of stack)
        s.node.text += text
    }
    else if (body.startsWith('/')) {
      parent.attrs.push(body)
    }
    else {
      const node: Node = { type: body.split(/[\s:]/)[0]!, text: '', children: [], attrs: [] }
      parent.children.push(node)
      stack.push({ indent, node })
    }
  }
  return root
}

const all = (n: Node, type: string): Node[] => [...(n.type === type ? [n] : []), ...n.children.flatMap(c => all(c, type))]

async function catalog(pdf: string) {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false })
  const prefs = doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)
  const figures: string[] = []
  const walk = (o: unknown): void => {
    const node = o instanceof PDFDict ? o : undefined
    if (node) {
      if (String(node.get(PDFName.of('S'))) === '/Figure')
        figures.push((node.get(PDFName.of('Alt')) as { decodeText?: () => string } | undefined)?.decodeText?.() ?? '')
      const k = node.get(PDFName.of('K'))
      if (k)
        walk(doc.context.lookup(k))
    }
    else if (o && typeof (o as { asArray?: unknown }).asArray === 'function') {
      for (const x of (o as { asArray: () => unknown[] }).asArray())
        walk(doc.context.lookup(x as Parameters<typeof doc.context.lookup>[0]))
    }
  }
  const structRoot = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  walk(structRoot)
  return {
    // What later steps (the outline, the handout's composition) must keep for the tags to work.
    kept: {
      parentTree: structRoot.has(PDFName.of('ParentTree')),
      marked: String(doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked'))),
    },
    lang: String(doc.catalog.get(PDFName.of('Lang')) ?? ''),
    displayTitle: String(prefs?.get(PDFName.of('DisplayDocTitle')) ?? ''),
    title: doc.getTitle(),
    figures,
  }
}

const made: string[] = []
afterAll(() => made.forEach(f => rmSync(f, { force: true })))
const notes = [NOTES, ...readdirSync(FIXTURES).filter(f => f.endsWith('.md')).map(f => join(FIXTURES, f))]

describe('tagged PDFs: slides and handout', () => {
  it.each(notes.map(n => [n.slice(ROOT.length + 1), n]))('%s', async (_name, file) => {
    const dir = tempDir()
    const out = join(ROOT, `.notedeck-test-tagged-${file.replace(/\W+/g, '_').slice(-40)}.slides.md`)
    made.push(out)
    const result = await generate({ notes: file, out, offline: true })
    const browser = await resolveBrowser()
    const pdf = join(dir, 'slides.pdf')
    await exportDeck({ slides: out, output: pdf, format: 'pdf', browser, timeoutMs: 60_000, dark: false })
    const lang = LANG_TAGS[result.plan.lang]

    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
    const tree = structure(pdf)
    // One heading per slide, in order, holding that slide's title.
    const { titles } = deckShape(result.markdown)
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
    expect(info.title).toBe(navTitle(result.plan.title)) // as in the bookmarks: look-alikes for the characters Slidev reads as code
    // Every diagram and image is a figure with its alternative text.
    const pictures = (result.markdown.match(/class="nd-diagram"/g)?.length ?? 0) + (result.markdown.match(/!\[|<img /g)?.length ?? 0)
    expect(info.figures.length).toBeGreaterThanOrEqual(pictures)
    expect(info.figures.filter(alt => !alt.trim())).toEqual([])

    // The handout: tagged too, in the same language; each slide a figure whose alternative is its text.
    const handout = join(dir, 'handout.pdf')
    await renderHandout({ slidesFile: out, slidesMarkdown: result.markdown, slidesPdf: pdf, output: handout, browser, perPage: 3, dark: false, lang, notesFile: file })
    expect(execFileSync('pdfinfo', [handout], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
    const h = await catalog(handout)
    expect(h.lang).toBe(`(${lang})`)
    expect(h.kept).toEqual({ parentTree: true, marked: 'true' })
    expect(h.displayTitle).toBe('true')
    expect(h.figures).toHaveLength(titles.length)
    titles.forEach((t, i) => t && expect(squeeze(h.figures[i]!), `handout slide ${i + 1}`).toContain(squeeze(t)))
  }, 120_000)
})
