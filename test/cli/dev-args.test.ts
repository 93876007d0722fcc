// `npm run dev -- …`: our arguments and Slidev's, in any order.
import { describe, expect, it } from 'vitest'
import { splitDevArgs } from '../../scripts/cli/dev-args'

describe('npm run dev arguments', () => {
  it.each([
    [['--open', 'notes.md'], 'notes.md', ['--open']],
    [['notes.md', '--open'], 'notes.md', ['--open']],
    [['--port', '3031', 'notes.md'], 'notes.md', ['--port', '3031']],
    [['-o', 'my notes.md', '--force'], 'my notes.md', ['-o', '--force']],
    [['--theme', 'mine.md', 'notes.md'], 'notes.md', ['--theme', 'mine.md']],
    [['--port=3031'], undefined, ['--port=3031']],
  ])('%j', (argv, notes, slidev) => {
    const args = splitDevArgs(argv)
    expect(args.notes).toBe(notes)
    expect(args.slidev).toEqual(slidev)
  })

  it('takes our own options out: --offline, --config, --pdf', () => {
    const args = splitDevArgs(['--offline', '-c', 'deck.yaml', '--pdf=out.pdf', 'n.md', '--open'])
    expect(args).toMatchObject({ notes: 'n.md', config: 'deck.yaml', offline: true, slidev: ['--open'] })
    expect(args.pdf).toMatch(/out\.pdf$/)
  })
})

describe('npm run dev -- --duration', () => {
  it('reads a talk length in English or Chinese units, a bare number as minutes', () => {
    expect(splitDevArgs(['--duration', '20min', 'n.md']).duration).toBe(1200)
    expect(splitDevArgs(['--duration=1h30m']).duration).toBe(5400)
    expect(splitDevArgs(['--duration', '20分钟']).duration).toBe(1200)
    expect(splitDevArgs(['--duration', '45']).duration).toBe(2700)
    expect(splitDevArgs(['--open']).duration).toBeUndefined()
  })

  it('refuses what is not a length, saying how to write one', () => {
    expect(() => splitDevArgs(['--duration', 'soon'])).toThrow(/--duration soon: not a talk length/)
    expect(() => splitDevArgs(['--duration'])).toThrow(/--duration: not a talk length/)
  })
})
