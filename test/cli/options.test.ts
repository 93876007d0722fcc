// The command line's one table of commands and options: what parses the arguments and what the help
// and the README say are made from it, or checked against it.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/core/paths'
import { parseCommon } from '../../scripts/cli/args'
import { splitDevArgs } from '../../scripts/cli/dev-args'
import { COMMANDS, type Command, OPTIONS, usage } from '../../scripts/cli/options'
import { readText } from '../helpers'

const commands = Object.keys(COMMANDS) as Command[]
const takes = (command: Command, name: string) => !OPTIONS[name]!.commands || OPTIONS[name]!.commands!.includes(command)
const argsFor = (name: string) => (OPTIONS[name]!.type === 'string' ? [`--${name}`, name === 'timeout' || name === 'per-page' ? '3' : 'x'] : [`--${name}`])

describe('the options each command takes', () => {
  it.each(commands.filter(c => c !== 'dev'))('%s parses every option the table gives it and refuses the others', (command) => {
    const names = Object.keys(OPTIONS)
    expect(names.filter(n => takes(command, n)).length).toBeGreaterThan(3)
    for (const name of names) {
      const parse = () => parseCommon(argsFor(name), command)
      if (takes(command, name))
        expect(parse, `${command} --${name}`).not.toThrow()
      else
        expect(parse, `${command} --${name}`).toThrow(/Unknown option/)
    }
  })

  it('dev reads its own options and passes the rest on to Slidev', () => {
    for (const name of Object.keys(OPTIONS).filter(n => takes('dev', n) && n !== 'help')) {
      const args = name === 'duration' ? ['--duration', '20min'] : name === 'pdf' ? ['--pdf'] : argsFor(name)
      expect(splitDevArgs(args).slidev, `dev --${name}`).toEqual([])
    }
    expect(splitDevArgs(['--port', '3031']).slidev).toEqual(['--port', '3031'])
  })

  it('several notes only where the command takes them', () => {
    expect(parseCommon(['a.md', 'b.md'], 'export').notesFiles).toEqual(['a.md', 'b.md'])
    expect(() => parseCommon(['a.md', 'b.md'], 'generate')).toThrow(/expected one notes file/)
  })
})

describe('the help and the README', () => {
  const help = usage()

  it('the help names every command and option, with its short form', () => {
    for (const c of commands)
      expect(help).toContain(`npm run ${c}`)
    for (const [name, o] of Object.entries(OPTIONS))
      expect(help).toContain(`${o.short ? `-${o.short}, ` : '    '}--${name}`)
  })

  it('the README documents every command and option', () => {
    const readme = readText(join(ROOT, 'README.md'))
    for (const c of commands)
      expect(readme, c).toContain(`npm run ${c}`)
    for (const name of Object.keys(OPTIONS))
      expect(readme, `--${name}`).toContain(`--${name}`)
  })
})
