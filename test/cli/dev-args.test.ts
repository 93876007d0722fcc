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
