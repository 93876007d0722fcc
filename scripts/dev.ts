/**
 * `npm run dev [-- <notes.md>] [slidev options]`: generate, serve with Slidev, and regenerate when the
 * notes or the deck config change. Slidev's hot reload updates the open browser; an error in the notes
 * is printed and the last good deck stays up.
 */
import { rmSync, watch } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { isNotedeckError } from './errors'
import { keepPdf } from './dev-pdf'
import { defaultOutput } from './export'
import { announce } from './export-live'
import { ERRORS_ENV } from './notes-error-overlay'
import { writeAtomic } from './write'
import { type GenerateOptions, type GenerateResult, generate } from './generate'
import { DEFAULT_NOTES, DEV_ANNOUNCEMENT, ROOT, slidesFor } from './paths'
import { printGenerated } from './report'
import { firstFreePort } from './server'
import { runSlidev } from './slidev'

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
 * Regenerates whenever the notes or the deck config change (debounced). An error is reported and
 * the last good deck stays. Returns a function that stops watching.
 */
export function watchNotes(opts: GenerateOptions, report: (result: GenerateResult | Error) => void): () => void {
  let timer: NodeJS.Timeout | undefined
  const dir = dirname(resolve(opts.notes))
  const watched = new Set([resolve(opts.notes), resolve(dir, 'deck.yaml'), ...(opts.config ? [resolve(opts.config)] : [])])
  const regenerate = () => {
    clearTimeout(timer)
    timer = setTimeout(() => generate(opts).then(report, (e: unknown) => report(e instanceof Error ? e : new Error(String(e)))), 30)
  }
  const watchers = [...new Set([dir, ...(opts.config ? [dirname(resolve(opts.config))] : [])])].map(d =>
    watch(d, (_event, name) => name && watched.has(resolve(d, name)) && regenerate()))
  return () => {
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
  const errors = join(ROOT, '.notedeck-dev-error.txt')
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
  })
  // The port is chosen here, so that `npm run export` can find this server and print from it.
  const withdraw = await announce({ pid: process.pid, port, slides: out })
  const onSignal = () => {
    rmSync(DEV_ANNOUNCEMENT, { force: true })
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
