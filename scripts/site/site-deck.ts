/**
 * One deck of the site, made again only when something it depends on changed: generated from its
 * notes, built as a Slidev site into decks/<id>/ (its assets shared), exported to PDF and
 * PowerPoint with a picture of its cover, and its handout. What the index and the search need of
 * it is kept in a stamp with the inputs' key (`.notedeck/<id>.json`): an unchanged deck is read back
 * from there without generating anything.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { generate } from '../pipeline/generate'
import { hashFiles } from '../export/export-cache'
import type { Deck } from '../pipeline/types'
import { scratchSlidesBeside, slidesFor } from '../core/paths'
import { transient } from '../core/transient'
import { replacePath, tempPathFor, writeAtomic } from '../core/write'
import { exportDecks, type Render } from '../export/export'
import { renderHandout } from '../handout/handout'
import { buildDeckSite } from '../slidev/slidev-build'
import type { SearchSlide } from './search-index'
import type { SiteDeck } from './site-index-page'
import type { SiteNotes } from './site-notes'
import { shareAssets } from './site-assets'

/** What the site keeps of a deck between runs. */
export interface DeckStamp {
  key: string
  /** What generation read: the files the key is made of. */
  files: string[]
  deck: SiteDeck
  search: SearchSlide[]
  /** The files of the shared assets/ its build uses. */
  assets: string[]
}

export interface DeckJob {
  notes: SiteNotes
  /** The site's folder. */
  site: string
  offline: boolean
  timeoutMs: number
  browser: string
  /** The project's own key (export-cache.ts projectKey), computed once a run. */
  project: string
  /** The shared exporter's render (one server and browser for every deck), and a turn at it. */
  render: Render
  /** Runs `fn` when the exporter is free (exports run one at a time; builds meanwhile). */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>
}

const stampFile = (site: string, id: string) => join(site, '.notedeck', `${id}.json`)

/** The key of a deck's inputs: the files generation read, the options, the project. */
async function keyOf(files: string[], job: DeckJob): Promise<string> {
  return (await hashFiles(createHash('sha256').update(job.project).update(JSON.stringify({ offline: job.offline, site: 1 })), files)).digest('hex')
}

/** The stamp the deck's last successful run left, if any. */
export async function previousStamp(site: string, id: string): Promise<DeckStamp | undefined> {
  return readFile(stampFile(site, id), 'utf8').then(t => JSON.parse(t) as DeckStamp, () => undefined)
}

/** The deck's stamp when it is current (nothing it was made from changed, its files are there). */
export async function currentStamp(job: DeckJob): Promise<DeckStamp | undefined> {
  const stamp = await previousStamp(job.site, job.notes.id)
  if (!stamp?.assets || stamp.key !== await keyOf(stamp.files, job))
    return undefined
  const made = [join('decks', job.notes.id, 'index.html'), ...Object.values(stamp.deck.files)]
  const there = await Promise.all(made.map(f => stat(join(job.site, f)).then(() => true, () => false)))
  return there.every(Boolean) ? stamp : undefined
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

/** The slide the index shows a picture of: the first with content of its own (not the cover, the agenda or a divider), else the cover. */
export const previewOf = (deck: Deck): number => deck.slides.find(s => !['cover', 'agenda', 'divider'].includes(s.layout))?.no ?? 1

/** What the index shows of the deck, and its slides for the search. */
function summaryOf(notes: SiteNotes, deck: Deck, date: string, files: SiteDeck['files']): { deck: SiteDeck, search: SearchSlide[] } {
  return {
    deck: {
      id: notes.id,
      group: notes.group,
      source: notes.source,
      title: deck.title,
      ...(deck.subtitle ? { subtitle: deck.subtitle } : {}),
      date,
      lang: deck.lang,
      slides: deck.slides.length,
      sections: deck.slides.filter(s => s.level === 1 && s.layout !== 'cover' && s.layout !== 'agenda').map(s => s.title),
      files,
    },
    search: deck.slides.map(s => ({ id: `${notes.id}/${s.no}`, deck: notes.id, deckTitle: deck.title, no: s.no, title: s.title, text: s.text ?? '' })),
  }
}

/** Makes the deck (see the top of this file) and writes its stamp. */
export async function makeDeck(job: DeckJob): Promise<DeckStamp> {
  const { notes, site } = job
  const out = slidesFor(notes.path)
  const result = await generate({ notes: notes.path, out, offline: job.offline })
  const files = { cover: `covers/${notes.id}.png`, pdf: `files/${notes.id}.pdf`, handout: `files/${notes.id}-handout.pdf`, pptx: `files/${notes.id}.pptx` }
  await Promise.all(['covers', 'files', 'decks', 'assets', '.notedeck'].map(d => mkdir(join(site, d), { recursive: true })))
  // The Slidev build (a child process) runs while the exporter prints the deck; the deck's folder is
  // replaced only once both are done (a deck that fails keeps its last site).
  const tmp = tempPathFor(join(site, 'decks', notes.id))
  // The deck's site follows the viewer's light or dark setting (and Slidev's toggle) unless the
  // notes fix a colour schema; the downloads are as the notes ask (light unless they say).
  const viewer = result.colorSchema ? undefined : scratchSlidesBeside(out, 'site')
  if (viewer) {
    transient.add(viewer)
    await writeAtomic(viewer, result.variant('auto'))
  }
  const built = buildDeckSite(viewer ?? out, tmp).then(() => shareAssets(tmp, join(site, 'assets')))
  const pictures = tempPathFor(join(site, 'covers', notes.id))
  const printed = job.exclusive(async () => {
    // Of the pictures only the one the index shows is taken (a picture of every slide doubled the export).
    const base = { slides: out, deck: result.deck, browser: job.browser, timeoutMs: job.timeoutMs, dark: false, pictures: (deck: Deck) => [previewOf(deck)] }
    const [pdf] = await exportDecks(base, [{ format: 'pdf', output: join(site, files.pdf) }, { format: 'png', output: pictures }, { format: 'pptx', output: join(site, files.pptx) }], job.render)
    await renderHandout({ deck: pdf!.rendered.deck, slidesPdf: join(site, files.pdf), output: join(site, files.handout), browser: job.browser, perPage: 3, dark: false, notesFile: notes.source })
    await writeAtomic(join(site, files.cover), await readFile(join(pictures, `${previewOf(pdf!.rendered.deck)}.png`)))
  })
  // Both finish before anything is said about the deck: a failure of one does not leave the other running.
  let assets: string[]
  try {
    const [b, p] = await Promise.allSettled([built, printed])
    for (const r of [b, p]) {
      if (r.status === 'rejected')
        throw r.reason
    }
    assets = (b as PromiseFulfilledResult<string[]>).value
    await replacePath(tmp, join(site, 'decks', notes.id))
  }
  finally {
    await Promise.all([rm(tmp, { recursive: true, force: true }), rm(pictures, { recursive: true, force: true }), viewer && rm(viewer, { force: true })])
    if (viewer)
      transient.delete(viewer)
  }
  const date = result.deck.date ?? isoDate((await stat(notes.path)).mtime)
  const stamp: DeckStamp = { key: await keyOf(result.reads, job), files: result.reads, ...summaryOf(notes, result.deck, date, files), assets }
  await writeAtomic(stampFile(site, notes.id), `${JSON.stringify(stamp)}\n`)
  return stamp
}
