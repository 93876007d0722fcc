/**
 * `npm run dev [-- <notes.md>] [slidev options]`: generate, serve with Slidev, and regenerate when a
 * file the deck is made from changes (notes, deck config, extra slides, local images). Slidev's hot reload updates the open browser; an error in the notes
 * is printed and the last good deck stays up.
 */
import { type FSWatcher, existsSync, rmSync, watch } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { isNotedeckError } from '../core/errors'
import { keepPdf } from '../export/dev-pdf'
import { defaultOutput } from '../export/export'
import { announce } from '../export/export-live'
import { ERRORS_ENV } from '../slidev/notes-error-overlay'
import { writeAtomic } from '../core/write'
import { type GenerateOptions, type GenerateResult, generate } from '../pipeline/generate'
import { DEFAULT_NOTES, ROOT, configPathFor, devAnnouncementFor, devErrorsFor, extraSlidesFor, slidesFor } from '../core/paths'
import { CACHE_DIR, deckDirOf } from '../pipeline/notes/images'
import { printGenerated } from './report'
import { firstFreePort } from '../slidev/server'
import { runSlidev } from '../slidev/slidev'

/** Slidev dev-server options that take a value (`slidev --help`); the others are switches. */
const SLIDEV_VALUE_OPTIONS = new Set(['-t', '--theme', '-p', '--port', '--log', '--bind', '--base'])

/**
 * Splits our options from the ones that go on to Slidev. A `.md` argument is the notes unless it
 * is the value of a Slidev option that takes one (`--port 3031 notes.md`, `--open notes.md` and
 * `notes.md --open` all name the notes). Pure.
 */
export function splitDevArgs(argv: string[]): { notes: string | undefined, config: string | undefined, offline: boolean, pdf: string | undefined, slidev: string[] } {
  const slidev: string[] = []
  let notes: string | undefined
  let config: string | undefined
  let offline = false
  let pdf: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--offline')
      offline = true
    else if (a === '--pdf')
      pdf = defaultOutput(ROOT, 'pdf', false)
    else if (a.startsWith('--pdf='))
      pdf = resolve(a.slice('--pdf='.length))
    else if (a === '--config' || a === '-c')
      config = argv[++i]
    else if (a.startsWith('--config='))
      config = a.slice('--config='.length)
    else if (!a.startsWith('-') && a.endsWith('.md') && notes === undefined && !SLIDEV_VALUE_OPTIONS.has(argv[i - 1] ?? ''))
      notes = a
    else slidev.push(a)
  }
  return { notes, config, offline, pdf, slidev }
}

/**
 * Regenerates whenever a file the deck is made from changes: the notes, the deck config, the extra
 * slides, local images (the set generation reports having read, `GenerateResult.reads`, updated
 * after each run). Saves are debounced, and runs never overlap: a save during a run starts one more
 * run when it ends, so the deck written last is always made from the newest notes. An error is
 * reported and the last good deck stays. Returns a function that stops watching.
 */
export function watchNotes(opts: GenerateOptions, report: (result: GenerateResult | Error) => void, initial: string[] = []): () => void {
  // Our own image cache is written by generation itself: watching it would only echo.
  const cache = join(deckDirOf(opts.out), 'public', CACHE_DIR)
  let files = new Set<string>()
  const watchers = new Map<string, FSWatcher>()
  const follow = (reads: string[]) => {
    files = new Set([resolve(opts.notes), resolve(configPathFor(opts.notes, opts.config)), resolve(extraSlidesFor(opts.notes)), ...reads].filter(f => !f.startsWith(cache + sep)))
    const dirs = new Set([...files].map(f => dirname(f)))
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close()
        watchers.delete(dir)
      }
    }
    for (const dir of dirs) {
      if (!watchers.has(dir) && existsSync(dir))
        watchers.set(dir, watch(dir, (_event, name) => name && files.has(resolve(dir, name)) && changed()))
    }
  }
  let timer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  let stopped = false
  const run = async () => {
    if (running) {
      again = true
      return
    }
    running = true
    try {
      const result = await generate(opts)
      if (!stopped)
        follow(result.reads)
      report(result)
    }
    catch (e) {
      report(e instanceof Error ? e : new Error(String(e)))
    }
    finally {
      running = false
      if (again && !stopped) {
        again = false
        void run()
      }
    }
  }
  const changed = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), 30)
  }
  follow(initial)
  return () => {
    stopped = true
    watchers.forEach(w => w.close())
    clearTimeout(timer)
  }
}

/** The port given to Slidev (`--port N`, `--port=N`, `-p N`), if any. Pure. */
export function portOption(slidev: string[]): number | undefined {
  for (let i = 0; i < slidev.length; i++) {
    const a = slidev[i]!
    const value = a === '--port' || a === '-p' ? slidev[i + 1] : a.startsWith('--port=') ? a.slice('--port='.length) : undefined
    if (value !== undefined && /^\d+$/.test(value))
      return Number(value)
  }
  return undefined
}

export async function runDev(argv: string[]): Promise<number> {
  const args = splitDevArgs(argv)
  const notes = resolve(args.notes ?? DEFAULT_NOTES)
  const out = slidesFor(notes)
  const opts = { notes, out, offline: args.offline, ...(args.config ? { config: args.config } : {}) }
  const first = await generate(opts)
  printGenerated(first)
  const given = portOption(args.slidev)
  const port = given ?? await firstFreePort(3030)
  const slidevArgs = given === undefined ? [...args.slidev, '--port', String(port)] : args.slidev
  const pdf = args.pdf ? keepPdf(`http://localhost:${port}`, args.pdf) : undefined
  pdf?.update(first.markdown)
  // Errors in the notes are printed here and shown in the browser (scripts/notes-error-overlay.ts).
  const errors = devErrorsFor(out)
  await rm(errors, { force: true })
  const stop = watchNotes(opts, (r) => {
    if (r instanceof Error) {
      const message = isNotedeckError(r) ? r.format() : String(r)
      console.error(`notedeck: ${message}\nnotedeck: kept the last good deck`)
      void writeAtomic(errors, `notedeck: ${message}\n\nThe slides show the last good version of the notes.\n`).catch(() => {})
    }
    else {
      void rm(errors, { force: true })
      printGenerated(r)
      pdf?.update(r.markdown)
    }
  }, first.reads)
  // The port is chosen here, so that `npm run export` can find this server and print from it.
  const withdraw = await announce({ pid: process.pid, port, slides: out })
  const onSignal = () => {
    rmSync(devAnnouncementFor(out), { force: true })
    rmSync(errors, { force: true })
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const result = await runSlidev([out, ...slidevArgs], { cwd: dirname(out), inherit: true, env: { [ERRORS_ENV]: errors } })
    return result.code ?? 0
  }
  finally {
    stop()
    await pdf?.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await withdraw()
    await rm(errors, { force: true })
  }
}
