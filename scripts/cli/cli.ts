/**
 * notedeck's command line: the entry file, and the only module that runs anything when loaded.
 * The single place that prints errors and sets the exit code.
 */
import { NotedeckError, isNotedeckError } from '../core/errors'
import { USAGE } from './usage'
import { removeOnSignal } from './signals'
import { transient } from '../core/transient'

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    // Each command loads only what it needs (the browser driver is heavy), so a quick command stays quick.
    case 'handout': return (await import('./handout-command')).runHandout(rest)
    case 'build': return (await import('./build-command')).runBuild(rest)
    case 'generate': return (await import('./generate-command')).runGenerate(rest)
    case 'export': return (await import('./export-command')).runExport(rest)
    case 'dev': return (await import('./dev-command')).runDev(rest)
    case 'check': return (await import('./check-command')).runCheck(rest)
    case 'site': return (await import('./site-command')).runSite(rest)
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE)
      return command ? 0 : 2
    default:
      throw new NotedeckError('USAGE', `unknown command "${command}"`, { hint: 'commands: generate, dev, export, handout, build, site, check' })
  }
}

/**
 * Once a command has finished, the process ends: whatever it started and did not close (a browser
 * Playwright is still waiting on after a time limit) must not keep it alive. Playwright's exit
 * handler kills the browsers it launched.
 */
const EXIT_GRACE_MS = 500
const exitSoon = () => setTimeout(() => process.exit(), EXIT_GRACE_MS).unref()

// Stopped by Ctrl-C or SIGTERM: no file that must not outlive the process stays behind, exit 130.
removeOnSignal(transient.list)

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (error: unknown) => {
    if (isNotedeckError(error)) {
      console.error(`notedeck: ${error.format()}`)
      process.exitCode = error.code === 'USAGE' ? 2 : 1
    }
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`notedeck: ${error.message} [USAGE]\n  hint: npm run generate -- --help`)
      process.exitCode = 2
    }
    else {
      console.error('notedeck: internal error, please report it with the notes that caused it:')
      console.error(error)
      process.exitCode = 70
    }
  },
).finally(exitSoon)
