// The layout fuzzed in the browser: realistic notes (scripts with pipes and heredoc tables, shell
// sessions, box drawings, steps with code, wide tables, deep lists, long URLs, emoji, Chinese and
// English) planned and drawn in Chromium as an export draws them. Every slide shows all it holds
// (nothing outside its slide or hidden in a box, no character without a font), and every code line
// of the notes is on some slide. Decks go to the browser in batches, many decks' slides in one
// deck on one server, measured, planned again from what was measured where a slide did not fit (the
// export's feedback pass), and measured again. `npm test` runs 200 small decks; `npm run fuzz`,
// 1 000 of the author's longest kind.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/core/paths'
import { writeAtomic } from '../../scripts/core/write'
import { lostParts } from '../../scripts/export/audit'
import { type Exporter, openExporter } from '../../scripts/export/exporter'
import { buildDeck } from '../../scripts/pipeline/generate'
import { EMPTY_CONFIG } from '../../scripts/pipeline/notes/config'
import { renderDeck } from '../../scripts/pipeline/render/render'
import { stamp } from '../../scripts/pipeline/render/stamp'
import type { Plan } from '../../scripts/pipeline/types'
import { type Placed, deckOf } from '../../scripts/pipeline/plan/deck-order'
import type { DeckToPrint } from '../../scripts/export/printer'
import { resolveBrowser } from '../../scripts/slidev/browser'
import { SIZES, realisticNotesOf } from '../realistic-notes'
import { correctionsFor } from '../../scripts/export/feedback'
import type { Built } from '../../scripts/pipeline/generate'

const FUZZ = process.env.npm_lifecycle_event === 'fuzz'
const DECKS = FUZZ ? 1000 : 200
const PER_BATCH = FUZZ ? 10 : 40
const SEED = Number(process.env.NOTEDECK_FUZZ_SEED ?? 20261130)

const slides = join(ROOT, '.notedeck-test-layout-fuzz.slides.md')
let exporter: Promise<Exporter> | undefined
afterAll(async () => {
  await exporter?.then(e => e.close())
  rmSync(slides, { force: true })
})

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

/** Code lines of `notes` not in `text` (white space ignored, as pdf-lost measures it). */
function missingCode(notes: string, text: string): string[] {
  const shown = norm(text)
  return [...notes.matchAll(/^\s*```[^\n]*\n([\s\S]*?)^\s*```/gm)].flatMap(m => m[1]!.split('\n')).filter(l => norm(l).length >= 4 && !shown.includes(norm(l).slice(0, 40)))
}

/** Many decks' slides as one deck (one page load for all of them), and where each deck's slides are in it. */
function merged(decks: Built[]): { shown: DeckToPrint, ranges: Array<[number, number]> } {
  const plan: Plan = { title: 'fuzz', lang: 'zh', slides: decks.flatMap(d => d.plan.slides), talk: 0, warnings: [] }
  let at = 0
  const ranges = decks.map((d): [number, number] => [at, at += d.plan.slides.length])
  const order: Placed[] = plan.slides.map((slide, index) => ({ kind: 'planned', slide, index }))
  return { shown: { markdown: stamp(renderDeck(plan, order, { source: 'fuzz', images: new Map() })), deck: deckOf(plan, order) }, ranges }
}

/** Found before and after the feedback pass, over all batches (reported at the end). */
const found = { decks: 0, slides: 0, before: 0, after: 0 }
afterAll(() => console.log(`layout fuzz: ${found.decks} decks, ${found.slides} slides; slides not fitting before the feedback pass ${found.before}, after it ${found.after}`))

describe(`the layout of ${DECKS} realistic decks in Chromium (seed ${SEED})`, () => {
  const all = fc.sample(realisticNotesOf(FUZZ ? SIZES.full : SIZES.small), { seed: SEED, numRuns: DECKS })
  const batches = Array.from({ length: Math.ceil(all.length / PER_BATCH) }, (_, b) => b)
  it.each(batches)(`batch %i of ${PER_BATCH} decks: nothing outside a slide or hidden in a box, no tofu, every code line shown`, async (b) => {
    const notes = all.slice(b * PER_BATCH, (b + 1) * PER_BATCH)
    const input = (text: string, i: number) => ({ text, file: `fuzz-${b * PER_BATCH + i}.md`, config: EMPTY_CONFIG, images: new Map() })
    let built = notes.map((text, i) => buildDeck(input(text, i)))
    exporter ??= resolveBrowser().then(path => openExporter(path, 120_000))
    const inspect = async () => {
      const { shown, ranges } = merged(built)
      await writeAtomic(slides, shown.markdown)
      const audit = await (await exporter!).inspect(slides, shown)
      return { audit, decks: ranges.map(r => ({ ...audit, slides: audit.slides.slice(...r), texts: audit.texts.slice(...r) })) }
    }
    const first = await inspect()
    const before = first.decks.map(a => new Set(lostParts(a).map(f => f.slide)).size)
    // The feedback pass, as the export makes it: each deck planned again from what was measured.
    const corrections = first.decks.map((a, i) => correctionsFor(a, built[i]!.deck.slides))
    const again = corrections.some(c => c.length) ? await (async () => {
      built = built.map((d, i) => (corrections[i]!.length ? buildDeck({ ...input(notes[i]!, i), corrections: corrections[i]! }) : d))
      return inspect()
    })() : first
    const problems: string[] = []
    for (const [i, audit] of again.decks.entries()) {
      const lost = lostParts(audit)
      const missing = missingCode(notes[i]!, audit.texts.join('\n'))
      found.decks++
      found.slides += audit.slides.length
      found.before += before[i]!
      found.after += new Set(lost.map(f => f.slide)).size
      if (lost.length || missing.length)
        problems.push(`deck ${b * PER_BATCH + i} (NOTEDECK_FUZZ_SEED=${SEED}, sample ${b * PER_BATCH + i}):\n${lost.map(f => `  slide ${f.slide}: ${f.message}`).join('\n')}${missing.map(l => `\n  code line not shown: ${l}`).join('')}\n--- notes ---\n${notes[i]}\n-------------`)
    }
    expect(again.audit.problems).toEqual([])
    expect(problems).toEqual([])
  }, 600_000)
})
