/**
 * The export, owned by notedeck: made in memory (`render-deck.ts`: Slidev's server in this process,
 * one page showing every slide, each output asked for made from that page), proved to be this deck,
 * then put in place whole. A result that is not this deck is made once more, then
 * `[EXPORT_FAILED]`, and the old output stays.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { NotedeckError } from '../core/errors'
import { replacePath, tempPathFor, writeAtomic } from '../core/write'
import type { EditableReport } from '../slidev/slidev-internals'
import { withOutputLock } from '../core/output-lock'
import { DeckMismatch } from './printer'
import type { Deck } from '../pipeline/types'
import { type ExportFormat, type Made, type Phase, type RenderOptions, type Rendered, scaleFor } from './render-deck'
import { renderDeck } from './exporter'

export { RASTER_SCALE } from './printer'
export { EXPORT_OVERHEAD_MS, type ExportFormat, FORMATS, type Made, type Phase, PHASES, type Rendered, finishPdf } from './render-deck'

export interface ExportOptions {
  /** The generated slides.md to export, and the deck it holds. */
  slides: string
  deck: Deck
  /** A file for pdf and the PowerPoints; a folder (one PNG per slide) for png. */
  output: string
  format: ExportFormat
  browser: string
  timeoutMs: number
  dark: boolean
  onPhase?: ((phase: Phase) => void) | undefined
  /** The feedback pass (RenderOptions.replan). */
  replan?: RenderOptions['replan']
  slideName?: RenderOptions['slideName']
  /** Which slides `png` pictures (RenderOptions.pictures): all unless given. */
  pictures?: RenderOptions['pictures']
}

/**
 * One output of an export, and what to do once it is in place (the cache stamp, given what the
 * browser measured of it), before another writer may replace it.
 */
export interface ExportTarget { format: ExportFormat, output: string, after?: (rendered: Rendered) => Promise<void> }

export interface ExportResult {
  format: ExportFormat
  output: string
  bytes: number
  attempts: number
  report?: EditableReport | undefined
  /** What the browser measured of the printed slides, the deck printed, and whether the feedback pass planned it again. */
  rendered: Rendered
}

/** What makes a deck into outputs in memory: `renderDeck` (a server of its own), or an `Exporter`'s. */
export type Render = (o: RenderOptions) => Promise<Rendered>

/** Puts what was made at `output` whole: a file by rename, a folder by moving the old one aside. */
async function install(made: Made, output: string): Promise<number> {
  if (made.kind === 'file') {
    await writeAtomic(output, made.data)
    return made.data.byteLength
  }
  const tmp = tempPathFor(output)
  try {
    await mkdir(tmp, { recursive: true })
    await Promise.all(made.files.map(f => writeFile(join(tmp, f.name), f.data)))
    await replacePath(tmp, output)
  }
  finally {
    await rm(tmp, { recursive: true, force: true })
  }
  return made.files.reduce((n, f) => n + f.data.byteLength, 0)
}

/** Targets that can be made from one page (a PDF goes with any), in the order given. */
function pages(targets: ExportTarget[]): ExportTarget[][] {
  const groups: ExportTarget[][] = []
  const scaleOf = (g: ExportTarget[]) => g.map(x => scaleFor(x.format)).find(s => s !== undefined)
  for (const t of targets) {
    const scale = scaleFor(t.format)
    const fits = groups.find(g => scale === undefined || scaleOf(g) === undefined || scaleOf(g) === scale)
    if (fits)
      fits.push(t)
    else
      groups.push([t])
  }
  return groups
}

/** Made once more if the result was not this deck. */
async function renderProved(opts: RenderOptions, render: Render): Promise<{ rendered: Rendered, attempts: number }> {
  const seen: string[] = []
  for (let attempts = 1; attempts <= 2; attempts++) {
    try {
      return { rendered: await render(opts), attempts }
    }
    catch (e) {
      if (!(e instanceof DeckMismatch))
        throw e
      seen.push(...e.problems)
    }
  }
  throw new NotedeckError('EXPORT_FAILED', `the export did not print this deck, twice: ${[...new Set(seen)].join('; ')}; the previous output was left in place`, { hint: 'run the export again; if it persists, run `npm run check` to see whether the slides render' })
}

/**
 * Exports the slides to each target, as few pages as the formats allow (usually one: the server
 * starts and the slides are drawn once for all of them), then puts each output in place under its
 * own lock and runs its `after`. Results in the order of `targets`.
 */
export async function exportDecks(base: Omit<ExportOptions, 'format' | 'output'>, targets: ExportTarget[], render: Render = renderDeck): Promise<ExportResult[]> {
  const results = new Map<ExportTarget, ExportResult>()
  for (const group of pages(targets)) {
    // The PDF first: the PowerPoint's pictures are taken by changing the page for a moment.
    group.sort((a, b) => Number(a.format !== 'pdf') - Number(b.format !== 'pdf'))
    await Promise.all(group.map(t => mkdir(dirname(resolve(t.output)), { recursive: true })))
    const { rendered, attempts } = await renderProved({ ...base, formats: group.map(t => t.format) }, render)
    for (const [i, t] of group.entries()) {
      const m = rendered.made[i]!
      const output = resolve(t.output)
      const bytes = await withOutputLock(output, async () => {
        const n = await install(m, output)
        await t.after?.(rendered)
        return n
      })
      results.set(t, { format: t.format, output, bytes, attempts, report: m.kind === 'file' ? m.report : undefined, rendered })
    }
  }
  return targets.map(t => results.get(t)!)
}

/** One output: `exportDecks` with one target. */
export async function exportDeck(opts: ExportOptions, after: (rendered: Rendered) => Promise<void> = async () => {}, render: Render = renderDeck): Promise<ExportResult> {
  const { format, output, ...base } = opts
  const [result] = await exportDecks(base, [{ format, output, after }], render)
  return result!
}
