/**
 * `npm run dev [-- <notes.md>] [slidev options]`: generate, serve with Slidev, and regenerate when the
 * notes or the deck config change. Slidev's hot reload updates the open browser; an error in the notes
 * is printed and the last good deck stays up.
 */
import { watch } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { isNotedeckError } from './errors'
import { generate } from './generate'
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

export async function runDev(argv: string[]): Promise<number> {
  const args = splitDevArgs(argv)
  const notes = resolve(args.notes ?? DEFAULT_NOTES)
  const out = slidesFor(notes)
  const opts = { notes, out, offline: args.offline, ...(args.config ? { config: args.config } : {}) }
  printGenerated(await generate(opts))
  let timer: NodeJS.Timeout | undefined
  const regenerate = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      generate(opts).then(printGenerated, (e: unknown) => {
        console.error(`notedeck: ${isNotedeckError(e) ? e.format() : String(e)}\nnotedeck: kept the last good deck`)
      })
    }, 80)
  }
  const watcher = watch(dirname(notes), (_event, name) => {
    if (name && (resolve(dirname(notes), name) === notes || name === 'deck.yaml' || (args.config && resolve(args.config) === resolve(dirname(notes), name))))
      regenerate()
  })
  try {
    const result = await runSlidev([out, ...args.slidev], { cwd: dirname(out), inherit: true })
    return result.code ?? 0
  }
  finally {
    watcher.close()
    clearTimeout(timer)
  }
}
