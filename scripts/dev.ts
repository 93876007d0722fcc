/**
 * `npm run dev [-- <notes.md>] [slidev options]`: generate, serve with Slidev, and regenerate when the
 * notes or the deck config change. Slidev's hot reload updates the open browser; an error in the notes
 * is printed and the last good deck stays up.
 */
import { watch } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { isNotedeckError } from './errors'
import { type GenerateOptions, type GenerateResult, generate } from './generate'
import { DEFAULT_NOTES, slidesFor } from './paths'
import { printGenerated } from './report'
import { runSlidev } from './slidev'

/** Splits our options from the ones that go on to Slidev. Pure. */
export function splitDevArgs(argv: string[]): { notes: string | undefined, config: string | undefined, offline: boolean, slidev: string[] } {
  const slidev: string[] = []
  let notes: string | undefined
  let config: string | undefined
  let offline = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--offline')
      offline = true
    else if (a === '--config' || a === '-c')
      config = argv[++i]
    else if (a.startsWith('--config='))
      config = a.slice('--config='.length)
    else if (!a.startsWith('-') && a.endsWith('.md') && notes === undefined && !(argv[i - 1] ?? '').startsWith('--'))
      notes = a
    else slidev.push(a)
  }
  return { notes, config, offline, slidev }
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

export async function runDev(argv: string[]): Promise<number> {
  const args = splitDevArgs(argv)
  const notes = resolve(args.notes ?? DEFAULT_NOTES)
  const out = slidesFor(notes)
  const opts = { notes, out, offline: args.offline, ...(args.config ? { config: args.config } : {}) }
  printGenerated(await generate(opts))
  const stop = watchNotes(opts, (r) => {
    if (r instanceof Error)
      console.error(`notedeck: ${isNotedeckError(r) ? r.format() : String(r)}\nnotedeck: kept the last good deck`)
    else printGenerated(r)
  })
  try {
    const result = await runSlidev([out, ...args.slidev], { cwd: dirname(out), inherit: true })
    return result.code ?? 0
  }
  finally {
    stop()
  }
}
