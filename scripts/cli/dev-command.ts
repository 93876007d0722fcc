/**
 * `npm run dev [-- <notes.md>] [slidev options]`: generate, serve with Slidev, and regenerate when a
 * file the deck is made from changes (notes, deck config, extra slides, local images). Slidev's hot reload updates the open browser; an error in the notes
 * is printed and the last good deck stays up.
 */
import { transient } from '../core/transient'
import { rm } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { isNotedeckError } from '../core/errors'
import { keepPdf } from '../export/dev-pdf'
import { DEFAULT_TIMEOUT_MS } from './export-request'
import { announce } from '../export/export-live'
import { ERRORS_ENV } from '../slidev/notes-error-overlay'
import { writeAtomic } from '../core/write'
import { generate } from '../pipeline/generate'
import { DEFAULT_NOTES, devAnnouncementFor, devErrorsFor, rehearsalFor, slidesFor } from '../core/paths'
import { REHEARSAL_ENV } from '../slidev/rehearsal-endpoint'
import { printGenerated } from './report'
import { firstFreePort } from '../slidev/server'
import { runSlidev } from '../slidev/slidev'
import { portOption, splitDevArgs } from './dev-args'
import { watchNotes } from '../pipeline/watch'



export async function runDev(argv: string[]): Promise<number> {
  const args = splitDevArgs(argv)
  const notes = resolve(args.notes ?? DEFAULT_NOTES)
  const out = slidesFor(notes)
  const opts = { notes, out, offline: args.offline, ...(args.config ? { config: args.config } : {}), ...(args.duration ? { duration: args.duration } : {}) }
  const first = await generate(opts)
  printGenerated(first)
  const given = portOption(args.slidev)
  const port = given ?? await firstFreePort(3030)
  const slidevArgs = given === undefined ? [...args.slidev, '--port', String(port)] : args.slidev
  const pdf = args.pdf ? keepPdf(`http://localhost:${port}`, args.pdf, DEFAULT_TIMEOUT_MS) : undefined
  pdf?.update(first)
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
      pdf?.update(r)
    }
  }, first.reads)
  // The port is chosen here, so that `npm run export` can find this server and print from it.
  const withdraw = await announce({ pid: process.pid, port, slides: out })
  // Stopped by a signal: the command line's handler removes them.
  transient.add(devAnnouncementFor(out))
  transient.add(errors)
  try {
    const rehearsal = args.rehearse ? { [REHEARSAL_ENV]: rehearsalFor(notes) } : {}
    if (args.rehearse)
      console.log(`notedeck: rehearsal: press o for the presenter view and start its timer; how long each slide is shown goes to ${relative(process.cwd(), rehearsalFor(notes))}, and the next generate plans the budgets at your pace`)
    const result = await runSlidev([out, ...slidevArgs], { cwd: dirname(out), inherit: true, env: { [ERRORS_ENV]: errors, ...rehearsal } })
    return result.code ?? 0
  }
  finally {
    stop()
    await pdf?.stop()
    await withdraw()
    await rm(errors, { force: true })
    transient.delete(devAnnouncementFor(out))
    transient.delete(errors)
  }
}
