/**
 * Every command and option of the command line, in one table: what parses the arguments
 * (`optionsFor`) and the help text (`usage`) are both made from it, so they cannot drift apart.
 * Pure.
 */
import type { ParseArgsConfig } from 'node:util'

export type Command = 'generate' | 'dev' | 'export' | 'handout' | 'build' | 'site' | 'check'

interface CommandSpec {
  args: string
  help: string[]
  /** Takes several notes files. */
  many?: boolean
}

export const COMMANDS: Record<Command, CommandSpec> = {
  generate: { args: '[-- <notes.md>] [-o <slides.md>]', help: ['write the Slidev deck (default data/notes.md -> slides.md)'] },
  dev: { args: '[-- <notes.md>] [slidev options]', help: ['generate, watch the notes, and serve the deck (e.g. --port 3031)'] },
  export: { args: '[-- <notes.md> ...] [-o <path>]', many: true, help: ['generate, then export (default dist/slides.pdf; other notes: dist/<name>.pdf)', '(several notes: exported one after another on one server)'] },
  handout: { args: '[-- <notes.md>] [-o <file.pdf>]', help: ['A4 handout: slides with their speaker notes (default dist/handout.pdf; other notes: dist/<name>-handout.pdf)'] },
  build: { args: '[-- <notes.md>] [-o <folder>]', help: ['the deck as a static site that works offline (default dist/slides-site/; other notes: dist/<name>-site/)'] },
  site: { args: '[-- <folder>] [-o <folder>]', help: ['every notes file under a folder (default data/) as one offline site (default dist/site/):', 'an index by folder, search across all decks, each deck with its PDF, handout and PowerPoint;', 'only decks whose notes changed are made again'] },
  check: { args: '[-- <notes.md> ...]', many: true, help: ['generate, render every slide in Chromium, report what does not fit or read', '(several notes: checked one after another on one server)'] },
}

interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** The value's name in the help (`<ms>`), for an option that takes one. */
  value?: string
  default?: string | boolean
  /** The commands that take it; all of them when absent. */
  commands?: Command[]
  help: string[]
}

const EXPORTING: Command[] = ['export', 'handout', 'site']

export const OPTIONS: Record<string, OptionSpec> = {
  'out': { type: 'string', short: 'o', value: '<path>', commands: ['generate', 'export', 'handout', 'build', 'site'], help: ['output file (a folder for --format png, for several formats or notes, and for build)'] },
  'config': { type: 'string', short: 'c', value: '<file>', commands: ['generate', 'dev', 'export', 'handout', 'build', 'check'], help: ['deck config (default: deck.yaml beside the notes)'] },
  'offline': { type: 'boolean', default: false, help: ['do not fetch remote images (cached copies are still used)'] },
  'check': { type: 'boolean', default: false, commands: ['generate'], help: ['generate: write nothing; exit 1 if the slides file is not up to date'] },
  'force': { type: 'boolean', default: false, commands: ['generate'], help: ['generate: overwrite a slides file edited by hand (keeps it as .bak)'] },
  'format': { type: 'string', value: '<f>', default: 'pdf', commands: ['export'], help: [
    'export: pdf (default), pptx (editable: text, shapes, tables, speaker notes),',
    'pptx-image (one picture per slide, with speaker notes), png (one per slide);',
    'several at once, comma-separated (--format pdf,pptx): the slides are drawn once,',
    'and -o names the folder they go to',
  ] },
  'per-page': { type: 'string', value: '<n>', commands: ['handout'], help: ['handout: 3 (default) or 2 slides per A4 page'] },
  'dark': { type: 'boolean', default: false, commands: ['export', 'handout', 'check'], help: ['export, handout, check: the dark variant of the deck'] },
  'timeout': { type: 'string', value: '<ms>', commands: EXPORTING, help: ['export, handout, site: time limit for rendering (default 60000)'] },
  'fresh': { type: 'boolean', default: false, commands: [...EXPORTING, 'build'], help: ['export, handout, build, site: make it even when nothing changed since the last one'] },
  'allow-overflow': { type: 'boolean', default: false, commands: ['export', 'handout'], help: ['export, handout: print what does not fit a slide (or has no font) as it is, exit 0'] },
  'jobs': { type: 'string', value: '<n>', commands: ['site'], help: ['site: decks made at a time (default: the number of cores; their builds run side by side)'] },
  'pdf': { type: 'string', value: '[=<file>]', commands: ['dev'], help: ['dev: keep a PDF of the deck up to date while you edit (default: the export\'s PDF)'] },
  'duration': { type: 'string', value: '<len>', commands: ['dev'], help: [
    'dev: the talk\'s length (20min, 1h30m, 20分钟), over the notes\' `duration`; each slide\'s',
    'budget is scaled to it, and the presenter view (press o) shows the pace',
  ] },
  'rehearse': { type: 'boolean', default: false, commands: ['dev'], help: [
    'dev: record how long each slide is shown while the presenter\'s timer runs, in',
    '<notes>.rehearsal.json; the next generate plans the budgets at that pace',
  ] },
  'help': { type: 'boolean', short: 'h', default: false, help: ['this text'] },
}

/** The options `command` takes, as node:util's parseArgs reads them. */
export function optionsFor(command: Command): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(OPTIONS)
    .filter(([, o]) => !o.commands || o.commands.includes(command))
    .map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) }]))
}

/** `s` and at least one space, to column `n`. */
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - s.length))

/** The help text, from the tables above. */
export function usage(): string {
  const commands = Object.entries(COMMANDS).flatMap(([name, c]) => {
    const head = `  ${pad(`npm run ${name.padEnd(8)} ${c.args}`, 52)}`
    return c.help.map((line, i) => (i === 0 ? head : ' '.repeat(head.length)) + line)
  })
  const options = Object.entries(OPTIONS).flatMap(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`.replace(' [=', '[=')
    const head = `  ${pad(flag, 23)}`
    return o.help.map((line, i) => (i === 0 ? head : ' '.repeat(head.length)) + line)
  })
  return [
    'notedeck: structured Markdown notes -> Slidev deck -> PDF, handout, PPTX, PNG, site',
    '',
    ...commands,
    '',
    'Options:',
    ...options,
    '',
    'Environment: CHROMIUM_PATH picks the browser for export, handout and check.',
  ].join('\n')
}
