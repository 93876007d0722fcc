// The export cache's keys: an output is current only while everything that shapes it is unchanged.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_INPUTS, exportKey, inputsKey, isFresh, isFreshInputs, projectKey, remember } from '../../scripts/export/export-cache'
import { ROOT } from '../../scripts/core/paths'
import { tempDir } from '../helpers'

describe('export cache', () => {
  it('keys the inputs: any byte of any input file, a missing file, or an option changes the key', async () => {
    const dir = tempDir()
    const notes = join(dir, 'notes.md')
    const slides = join(dir, 'slides.md')
    writeFileSync(notes, '# A\n')
    writeFileSync(slides, 'x')
    const files = [notes, join(dir, 'deck.yaml'), slides]
    const base = await inputsKey(files, { format: 'pdf' })
    expect(await inputsKey(files, { format: 'pdf' })).toBe(base)
    expect(await inputsKey(files, { format: 'png' })).not.toBe(base)
    writeFileSync(join(dir, 'deck.yaml'), 'title: t\n')
    const withConfig = await inputsKey(files, { format: 'pdf' })
    expect(withConfig).not.toBe(base)
    writeFileSync(slides, 'edited by hand')
    expect(await inputsKey(files, { format: 'pdf' })).not.toBe(withConfig)
  })

  it('keys the project: its Vite config (how Markdown is rendered), its other configs and folders', async () => {
    const root = tempDir()
    mkdirSync(join(root, 'styles'))
    const base = await projectKey(root)
    for (const [file, i] of [['vite.config.ts', 1], ['custom-nav-controls.vue', 2], ['styles/index.css', 3], ['package.json', 4]] as const) {
      writeFileSync(join(root, file), `changed ${i}`)
      expect(await projectKey(root), file).not.toBe(base)
    }
    // Every file at the top of this project is an input, or one that shapes no output.
    const notInputs = ['.gitignore', 'README.md', 'slides.md', 'tsconfig.json', 'vitest.config.ts']
    const top = readdirSync(ROOT, { withFileTypes: true }).filter(e => e.isFile() && !e.name.startsWith('.notedeck')).map(e => e.name)
    expect(top.filter(f => !PROJECT_INPUTS.files.includes(f) && !notInputs.includes(f))).toEqual([])
  })

  it('remembers both keys beside the output, and only for an output that exists', async () => {
    const dir = tempDir()
    const out = join(dir, 'slides.pdf')
    const key = await exportKey('deck', { format: 'pdf' })
    await remember(out, key, 'inputs')
    expect(await isFresh(out, key)).toBe(false) // no PDF there
    writeFileSync(out, '%PDF')
    expect(await isFresh(out, key)).toBe(true)
    expect(await isFreshInputs(out, 'inputs')).toBe(true)
    expect(await isFreshInputs(out, 'other')).toBe(false)
    expect(await isFresh(out, await exportKey('deck, edited', { format: 'pdf' }))).toBe(false)
    await remember(out, key)
    expect(await isFreshInputs(out, '')).toBe(false) // an empty inputs key never counts
  })
})
