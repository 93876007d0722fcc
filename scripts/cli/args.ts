/** Command-line arguments of a command: the notes file(s) and the options it takes (options.ts). Pure. */
import { parseArgs } from 'node:util'
import { NotedeckError } from '../core/errors'
import { COMMANDS, type Command, optionsFor } from './options'

export interface CommonOptions {
  notes: string
  config?: string
  offline: boolean
}

/** The arguments of `command`: its options, and one notes file (several where the command takes them: `notesFiles`). */
export function parseCommon(argv: string[], command: Command) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: optionsFor(command) })
  if (positionals.length > 1 && !COMMANDS[command].many)
    throw new NotedeckError('USAGE', `expected one notes file, got ${positionals.length}: ${positionals.join(' ')}`)
  return { values: values as Record<string, string | boolean | undefined>, notes: positionals[0], notesFiles: positionals }
}
