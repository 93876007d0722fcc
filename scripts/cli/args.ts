/** Command-line arguments shared by the commands: the notes file and the common options. Pure. */
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { NotedeckError } from '../core/errors'

export interface CommonOptions {
  notes: string
  config?: string
  offline: boolean
}

/** The arguments; `many` lets the command take several notes files (`notesFiles`). */
export function parseCommon(argv: string[], extra: ParseArgsConfig['options'] = {}, { many = false } = {}) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      offline: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...extra,
    },
  })
  if (positionals.length > 1 && !many)
    throw new NotedeckError('USAGE', `expected one notes file, got ${positionals.length}: ${positionals.join(' ')}`)
  return { values: values as Record<string, string | boolean | undefined>, notes: positionals[0], notesFiles: positionals }
}
