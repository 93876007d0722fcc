/**
 * `npm run site`: a folder of notes as one offline site of decks (dist/site/): an index of every
 * deck by folder, search across all of them that lands on the slide, each deck's Slidev site
 * (their assets shared), PDF, handout and PowerPoint. Only decks whose inputs changed are made
 * again; notes that were removed or renamed leave the site. A note that fails is reported with
 * where, and the rest of the site is still made.
 */
import { readdir, rm } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { writeAtomic } from '../core/write'
import { isNotedeckError } from '../core/errors'
import { projectKey } from '../export/export-cache'
import { openExporter } from '../export/exporter'
import { type SearchSlide, searchIndex } from './search-index'
import { fontRules, pruneAssets, searchIndexScript, searchScript } from './site-assets'
import { type DeckJob, type DeckStamp, currentStamp, makeDeck, previousStamp } from './site-deck'
import { type SiteDeck, siteIndexHtml } from './site-index-page'
import { findNotes, siteNotes } from './site-notes'
import type { Progress } from './site-progress'

export interface SiteOptions {
  folder: string
  out: string
  offline: boolean
  fresh: boolean
  /** Decks made at a time (their Slidev builds run side by side; the exports take turns on one browser). */
  jobs: number
  timeoutMs: number
  browser: string
}

export interface SiteResult {
  decks: SiteDeck[]
  failed: Array<{ source: string, message: string }>
  made: number
  reused: number
}

/** Runs `work` on each item, at most `n` at a time, in order of the items. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, async () => {
    while (next < items.length)
      await work(items[next++]!)
  }))
}

/** A lock that lets one piece of work at a time through. */
function turns(): <T>(fn: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve()
  return <T>(fn: () => Promise<T>) => {
    const run = last.then(fn, fn)
    last = run.catch(() => {})
    return run
  }
}

export async function makeSite(opts: SiteOptions, report: Progress): Promise<SiteResult> {
  const folder = resolve(opts.folder)
  const notes = siteNotes(folder, await findNotes(folder, opts.out))
  const project = await projectKey()
  let exporter: ReturnType<typeof openExporter> | undefined
  const exclusive = turns()
  const base = { site: opts.out, offline: opts.offline, timeoutMs: opts.timeoutMs, browser: opts.browser, project, exclusive }
  const render: DeckJob['render'] = async o => (await (exporter ??= openExporter(opts.browser, opts.timeoutMs))).render(o)
  const stamps = new Map<string, DeckStamp>()
  const failed: SiteResult['failed'] = []
  let made = 0
  report.start(notes.length)
  try {
    await pool(notes, opts.jobs, async (n) => {
      const job: DeckJob = { ...base, notes: n, render }
      report.begin(n.source)
      try {
        const current = opts.fresh ? undefined : await currentStamp(job)
        stamps.set(n.id, current ?? await makeDeck(job))
        made += current ? 0 : 1
        report.done(n.source, Boolean(current))
      }
      catch (e) {
        const message = isNotedeckError(e) ? e.format().split('\n')[0]! : e instanceof Error ? e.message.split('\n')[0]! : String(e)
        failed.push({ source: n.source, message })
        report.failed(n.source, message)
      }
    })
  }
  finally {
    await exporter?.then(x => x.close(), () => {})
    report.end()
  }
  await removeGone(opts.out, new Set(notes.map(n => n.id)))
  // Shared files no deck uses any more (of decks made again, removed or renamed) leave the site; a
  // deck that failed keeps what its last build used.
  const failedIds = new Set(notes.filter(n => failed.some(f => f.source === n.source)).map(n => n.id))
  const keep = [...stamps.values(), ...await Promise.all([...failedIds].map(id => previousStamp(opts.out, id)))].flatMap(s => s?.assets ?? [])
  await pruneAssets(join(opts.out, 'assets'), new Set(keep))
  const decks = notes.flatMap(n => stamps.get(n.id)?.deck ?? [])
  const search: SearchSlide[] = notes.flatMap(n => stamps.get(n.id)?.search ?? [])
  const langs = decks.map(d => d.lang)
  const lang = langs.filter(l => l.startsWith('zh')).length > langs.length / 2 ? 'zh-CN' : 'en'
  await writeAtomic(join(opts.out, 'search-index.js'), searchIndexScript(searchIndex(search)))
  await writeAtomic(join(opts.out, 'assets', 'notedeck-search.js'), await searchScript())
  await writeAtomic(join(opts.out, 'assets', 'notedeck-fonts.css'), await fontRules(join(opts.out, 'assets')))
  await writeAtomic(join(opts.out, 'index.html'), siteIndexHtml({ title: basename(folder), lang, decks, failed }))
  return { decks, failed, made, reused: decks.length - made }
}

/** Takes out of the site the decks whose notes are gone (removed, or renamed: then made under their new name). */
async function removeGone(site: string, ids: Set<string>): Promise<void> {
  const stamps = await readdir(join(site, '.notedeck')).catch(() => [] as string[])
  for (const id of stamps.filter(f => f.endsWith('.json')).map(f => f.slice(0, -'.json'.length)).filter(id => !ids.has(id))) {
    await Promise.all([
      rm(join(site, 'decks', id), { recursive: true, force: true }),
      ...[`covers/${id}.png`, `files/${id}.pdf`, `files/${id}-handout.pdf`, `files/${id}.pptx`, `.notedeck/${id}.json`].map(f => rm(join(site, f), { force: true })),
    ])
  }
}
