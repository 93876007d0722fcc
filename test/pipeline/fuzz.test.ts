// Property-based tests: random and mutated notes (hostile text included) never make the generator
// throw anything but its own error, and what it writes always parses as the slides it planned, with
// every Mermaid block valid. `npm test` runs a few hundred cases; `npm run fuzz` runs 10 000.
import { parseSync } from '@slidev/parser'
import fc from 'fast-check'
import type { Nodes } from 'mdast'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../scripts/pipeline/notes/config'
import { NotedeckError } from '../../scripts/core/errors'
import { buildDeck } from '../../scripts/pipeline/generate'
import { isSafeUrl } from '../../scripts/pipeline/render/markdown-out'
import { parseMarkdown } from '../../scripts/pipeline/notes/parse'
import { NOTES, mermaidBlocks, readText } from '../helpers'

const g = globalThis as Record<string, unknown>
g.window ??= new JSDOM('').window
g.document ??= (g.window as Window).document
const { default: mermaid } = await import('mermaid')

const RUNS = process.env.npm_lifecycle_event === 'fuzz' ? 10_000 : 300
const seed = readText(NOTES)

const HOSTILE = ['{{ x }}', '}}', '{{', '<script>alert(1)</script>', '</script>', '<img src=x onerror=alert(1)>', '<iframe src=//x>', '<style>', '<!--', '-->', 'javascript:alert(1)',
  '---', '***', ':', ';', '#', '"', '\'', '[', ']', '(', ')', '-->', '%%', '`', '\\', '$', '$$', '<<< @/package.json', '::right::', '<v-click>', '|', '&amp;', '&#123;', '\u0000', '\uFEFF', '😀', '大模型', '（1950-2005）', '\t', '  ']
const word = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.stringMatching(/^[a-zA-Z]{1,10}$/),
  fc.constantFrom('预训练', '有监督微调', '对齐', '模型', '数据', 'Transformer', 'RLHF', '（', '）', '，', '。'),
)
const line = fc.array(word, { minLength: 1, maxLength: 12 }).map(ws => ws.join(' ').replace(/\n/g, ' '))
const block = fc.oneof(
  line,
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), line), { minLength: 1, maxLength: 8 }).map(items => items.map(([d, t]) => `${'  '.repeat(d)}- ${t}`).join('\n')),
  fc.array(fc.tuple(line, fc.integer({ min: 1900, max: 2030 })), { minLength: 2, maxLength: 7 }).map(ps => ps.map(([t, y]) => `* ${t.slice(0, 20) || 'x'} (${y}-${y + 5}) ${t}`).join('\n')),
  line.map(t => `> ${t}`),
  fc.tuple(line, line).map(([a, b]) => `| ${a.replace(/\|/g, '/')} | x |\n| --- | --- |\n| ${b.replace(/\|/g, '/')} | y |`),
  fc.tuple(fc.constantFrom('', 'js', 'mermaid', 'yaml', '{1,2}', 'x y'), line).map(([lang, t]) => `\`\`\`${lang}\n${t}\n---\n\`\`\``),
  fc.constantFrom('---', '***', '<div>\n<script>alert(1)</script>\n</div>', '<img src="https://example.invalid/a.png">', '[link](javascript:alert(1))', '![img](data:image/png;base64,AAAA)'),
)
const randomNotes = fc.array(block, { minLength: 1, maxLength: 25 }).map(bs => bs.join('\n\n'))

/** The seed with random edits: a range deleted, a line duplicated, hostile text inserted. */
const mutatedSeed = fc.array(fc.tuple(fc.nat(seed.length), fc.nat(200), fc.constantFrom(...HOSTILE, '\n', '\n\n## ', '\n* ', '\n> ')), { minLength: 1, maxLength: 6 })
  .map(edits => edits.reduce((s, [at, del, ins]) => s.slice(0, at % (s.length + 1)) + ins + s.slice(Math.min(s.length, (at % (s.length + 1)) + (del % 40))), seed))

const OUR_TAG = /^<\/?(div|h1|p|ol|ul|li|a|span|pre|code|br|DefinitionCard|template)\b/

function rawHtml(markdown: string): string[] {
  const out: string[] = []
  const walk = (n: Nodes) => {
    if (n.type === 'html')
      out.push(n.value.trim())
    if ('children' in n)
      (n.children as Nodes[]).forEach(walk)
  }
  for (const slide of parseSync(markdown, 'slides.md').slides)
    walk(parseMarkdown(slide.content))
  return out.filter(Boolean)
}

const config = parseConfig(readText(NOTES.replace('notes.md', 'deck.yaml')), 'deck.yaml')
const noImages = new Map<string, string | undefined>()

/** How many notes each property really checked, and how many the generator refused (with its own error, naming where). */
const tally = { checked: 0, refused: 0 }

async function property(text: string, withConfig: boolean): Promise<void> {
  let result
  try {
    result = buildDeck({ text, file: 'fuzz.md', config: withConfig ? config : { flows: [] }, images: noImages })
  }
  catch (e) {
    if (!(e instanceof NotedeckError))
      throw e
    // Named where it comes from: the notes, or the deck config's flow that asks for what they lack.
    expect(['fuzz.md', 'deck.yaml'], e.message).toContain(e.where?.file)
    tally.refused++
    return
  }
  tally.checked++
  const { markdown, plan } = result
  expect(parseSync(markdown, 'slides.md').slides.length).toBe(plan.slides.length)
  // No element that could run script or restyle the page, outside text (an escaped \\< is text).
  // Raw HTML in what we write (as a Markdown parser sees it, so code and escaped text do not count)
  // is only our own wrappers: no element or attribute from the notes.
  const tags = rawHtml(markdown).flatMap(h => (h.startsWith('<!--') ? [] : h.match(/<[^<>]*>/g) ?? []))
  const badHref = (t: string) => [...t.matchAll(/\shref="([^"]*)"/g)].some(m => !isSafeUrl(m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"')))
  // An attribute's quoted value (text from the notes, escaped: no `"` can end it early) is not an attribute.
  const attributes = (t: string) => t.replace(/"[^"]*"/g, '""')
  expect(tags.filter(t => !OUR_TAG.test(t) || /\son\w+\s*=/i.test(attributes(t)) || badHref(t))).toEqual([])
  // Diagrams the notes bring themselves may be invalid (npm run check reports them); ours never are.
  const source = text.replace(/\0/g, '\uFFFD').replace(/\r\n?/g, '\n') // as the Markdown parser reads it
  for (const code of mermaidBlocks(markdown).filter(c => !source.includes(c)))
    await mermaid.parse(code).catch((e: Error) => { throw new Error(`${e.message}\n--- in ---\n${code}`) })
}

describe(`property: ${RUNS} random and ${RUNS} mutated notes`, () => {
  // Most notes are checked, not refused: a generator that refused everything would pass the property.
  it('random notes', async () => {
    Object.assign(tally, { checked: 0, refused: 0 })
    await fc.assert(fc.asyncProperty(randomNotes, t => property(t, false)), { numRuns: RUNS })
    expect(tally.checked).toBeGreaterThanOrEqual(0.9 * RUNS)
  }, 0)
  it('mutated default notes, with the default flows config', async () => {
    Object.assign(tally, { checked: 0, refused: 0 })
    await fc.assert(fc.asyncProperty(mutatedSeed, t => property(t, true)), { numRuns: RUNS })
    expect(tally.checked).toBeGreaterThanOrEqual(0.9 * RUNS)
  }, 0)
})
