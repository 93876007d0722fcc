/** The arguments of `npm run dev`: notedeck's own, and the ones that go on to Slidev. Pure. */
import { resolve } from 'node:path'
import { DEFAULT_NOTES, ROOT, defaultOutput, outputNameFor } from '../core/paths'
import { talkSeconds } from '../core/duration'
import { NotedeckError } from '../core/errors'

/** Slidev dev-server options that take a value (`slidev --help`); the others are switches. */
const SLIDEV_VALUE_OPTIONS = new Set(['-t', '--theme', '-p', '--port', '--log', '--bind', '--base'])

/**
 * Splits our options from the ones that go on to Slidev. A `.md` argument is the notes unless it
 * is the value of a Slidev option that takes one (`--port 3031 notes.md`, `--open notes.md` and
 * `notes.md --open` all name the notes). Pure.
 */
export function splitDevArgs(argv: string[]): { notes: string | undefined, config: string | undefined, offline: boolean, pdf: string | undefined, duration: number | undefined, rehearse: boolean, slidev: string[] } {
  const slidev: string[] = []
  let notes: string | undefined
  let config: string | undefined
  let duration: number | undefined
  let rehearse = false
  let offline = false
  let pdf: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--offline')
      offline = true
    else if (a === '--rehearse')
      rehearse = true
    else if (a === '--pdf')
      pdf = ''
    else if (a.startsWith('--pdf='))
      pdf = resolve(a.slice('--pdf='.length))
    else if (a === '--config' || a === '-c')
      config = argv[++i]
    else if (a.startsWith('--config='))
      config = a.slice('--config='.length)
    else if (a === '--duration' || a.startsWith('--duration='))
      duration = talkLength(a === '--duration' ? argv[++i] : a.slice('--duration='.length))
    else if (!a.startsWith('-') && a.endsWith('.md') && notes === undefined && !SLIDEV_VALUE_OPTIONS.has(argv[i - 1] ?? ''))
      notes = a
    else slidev.push(a)
  }
  // `--pdf` alone: the export's own default for these notes (known once every argument is read).
  if (pdf === '')
    pdf = defaultOutput(ROOT, 'pdf', false, outputNameFor(notes ?? DEFAULT_NOTES))
  return { notes, config, offline, pdf, duration, rehearse, slidev }
}

/** `--duration`'s value in seconds, or a usage error that says how to write it. */
function talkLength(value: string | undefined): number {
  const seconds = value === undefined ? undefined : talkSeconds(value)
  if (seconds === undefined)
    throw new NotedeckError('USAGE', `--duration ${value ?? ''}: not a talk length`.replace(/ +:/, ':'), { hint: 'write it as 20min, 1h, 1h30m or 20分钟' })
  return seconds
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
