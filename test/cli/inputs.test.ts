// What a deck depends on: generation reports every file it read, the export cache keys on them,
// and `dev` regenerates when any of them changes, the newest save last.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { watchNotes } from '../../scripts/pipeline/watch'
import { inputsKey, isFreshFromStamp, remember } from '../../scripts/export/export-cache'
import { type GenerateResult, generate } from '../../scripts/pipeline/generate'
import { FIXTURES, tempDir } from '../helpers'

/** Waits for a condition, polling; fails after `ms`. */
async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end)
      throw new Error('the condition did not come true in time')
    await new Promise(r => setTimeout(r, 20))
  }
}

function project(): { dir: string, notes: string, out: string } {
  const dir = tempDir()
  mkdirSync(join(dir, 'img'))
  copyFileSync(join(FIXTURES, 'assets', 'square.svg'), join(dir, 'img', 'pic.svg'))
  writeFileSync(join(dir, 'notes.md'), '# Deck\n\n## One\n\nFirst version.\n\n![a picture](img/pic.svg)\n\n## Two\n\nMore text here.\n')
  return { dir, notes: join(dir, 'notes.md'), out: join(dir, 'slides.md') }
}

describe('generation reports what it read', () => {
  it('the notes, the deck config, extra slides and the last rehearsal (even when missing), local images', async () => {
    const p = project()
    const result = await generate({ notes: p.notes, out: p.out, offline: true })
    expect(result.reads).toEqual([join(p.dir, 'deck.yaml'), join(p.dir, 'extra-slides.md'), join(p.dir, 'img', 'pic.svg'), p.notes, join(p.dir, 'notes.rehearsal.json')].sort())
  })
})

describe('the export cache keys on what generation read', () => {
  it('a replaced local image makes the output stale before anything is generated', async () => {
    const p = project()
    const result = await generate({ notes: p.notes, out: p.out, offline: true })
    const output = join(p.dir, 'out.pdf')
    writeFileSync(output, 'pdf')
    const files = [...result.reads, p.out]
    await remember(output, 'key', await inputsKey(files, { format: 'pdf' }), files)
    expect(await isFreshFromStamp(output, p.notes, { format: 'pdf' })).toBe(true)
    expect(await isFreshFromStamp(output, join(p.dir, 'other.md'), { format: 'pdf' })).toBe(false)
    writeFileSync(join(p.dir, 'img', 'pic.svg'), readFileSync(join(p.dir, 'img', 'pic.svg'), 'utf8').replace('square', 'circle'))
    expect(await isFreshFromStamp(output, p.notes, { format: 'pdf' })).toBe(false)
  })

  it.each([['extra-slides.md', '---\n\n# Mine\n'], ['deck.yaml', 'title: Other\n']])('so does a new or changed %s', async (name, text) => {
    const p = project()
    const result = await generate({ notes: p.notes, out: p.out, offline: true })
    const output = join(p.dir, 'out.pdf')
    writeFileSync(output, 'pdf')
    const files = [...result.reads, p.out]
    await remember(output, 'key', await inputsKey(files, {}), files)
    writeFileSync(join(p.dir, name), text)
    expect(await isFreshFromStamp(output, p.notes, {})).toBe(false)
  })
})

describe('dev regenerates when anything the deck is made from changes', () => {
  let stop = () => {}
  afterEach(() => stop())

  async function watching() {
    const p = project()
    const first = await generate({ notes: p.notes, out: p.out, offline: true })
    const results: GenerateResult[] = []
    stop = watchNotes({ notes: p.notes, out: p.out, offline: true }, (r) => {
      if (!(r instanceof Error))
        results.push(r)
    }, first.reads)
    return { ...p, results }
  }

  it.each([
    ['extra slides', 'extra-slides.md', '---\n\n# A slide of my own\n', 'A slide of my own'],
    ['the deck config', 'deck.yaml', 'title: A new title\n', 'A new title'],
  ])('%s', async (_what, name, text, shown) => {
    const w = await watching()
    writeFileSync(join(w.dir, name), text)
    await until(() => readFileSync(w.out, 'utf8').includes(shown))
  })

  it('a local image', async () => {
    const w = await watching()
    const before = readFileSync(w.out, 'utf8').match(/notedeck-cache\/[\w.]+/)![0]
    writeFileSync(join(w.dir, 'img', 'pic.svg'), readFileSync(join(w.dir, 'img', 'pic.svg'), 'utf8').replace('square', 'circle'))
    await until(() => !readFileSync(w.out, 'utf8').includes(before))
  })

  it('two saves in quick succession leave the newer deck', async () => {
    const w = await watching()
    for (let i = 1; i <= 5; i++) {
      writeFileSync(w.notes, `# Deck\n\n## One\n\nVersion ${i}.\n\n## Two\n\nMore text here.\n`)
      await new Promise(r => setImmediate(r))
    }
    await until(() => readFileSync(w.out, 'utf8').includes('Version 5.'))
    const count = w.results.length
    // Nothing older arrives after it.
    await new Promise(r => setTimeout(r, 300))
    expect(readFileSync(w.out, 'utf8')).toContain('Version 5.')
    expect(w.results.slice(count).every(r => r.markdown.includes('Version 5.'))).toBe(true)
  })
})
