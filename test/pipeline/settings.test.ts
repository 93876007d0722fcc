// Deck settings: the notes' YAML frontmatter, a deck.yaml beside them winning key by key, and
// settings written for other notes that warn instead of stopping the deck.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../scripts/pipeline/notes/config'
import { NotedeckError } from '../../scripts/core/errors'
import { generate } from '../../scripts/pipeline/generate'
import { CONFIG, deckFrom, tempDir } from '../helpers'

const notes = [
  '---',
  'title: Rust in one afternoon',
  'subtitle: Ownership and borrowing',
  'author: Jane Doe',
  'date: 2026-11-28',
  'lang: en-US',
  'tags: [rust, notes]',
  'flows:',
  '  - section: How a request is served',
  '    start: Client',
  '    end: Response',
  '---',
  '',
  '# Ignored title',
  '',
  '## Ownership',
  '',
  'Every value has one owner, and the value is dropped when its owner goes out of scope.',
  '',
  '## How a request is served',
  '',
  '- Parse the request',
  '- Route it',
  '- Run the handler',
  '',
].join('\n')

describe('settings in the notes\' frontmatter', () => {
  it('title, subtitle, author, date, lang and flows come from the frontmatter; keys for other tools are skipped', async () => {
    const { plan, markdown } = await deckFrom(notes, 'rust.md')
    const cover = plan.slides[0]!.body
    expect(cover).toMatchObject({ kind: 'cover', title: 'Rust in one afternoon', subtitle: 'Ownership and borrowing', author: 'Jane Doe', date: '2026-11-28' })
    expect(plan.lang).toBe('en')
    expect(markdown).toMatch(/flowchart LR[\s\S]*Client[\s\S]*Parse the request[\s\S]*Response/)
    expect(markdown).not.toContain('tags')
    expect(plan.warnings).toEqual([])
  })

  it('a deck.yaml beside the notes wins key by key', async () => {
    const { plan } = await deckFrom(notes, 'rust.md', parseConfig('title: From deck.yaml\n', 'deck.yaml'))
    expect(plan.slides[0]!.body).toMatchObject({ title: 'From deck.yaml', subtitle: 'Ownership and borrowing', author: 'Jane Doe' })
  })

  it('a bad value in the frontmatter names the notes file, line and column', async () => {
    const bad = notes.replace('author: Jane Doe', 'author: [1, 2]')
    const error = await deckFrom(bad, 'rust.md').catch(e => e as NotedeckError)
    expect(error).toBeInstanceOf(NotedeckError)
    expect((error as NotedeckError).format()).toMatch(/^rust\.md:4:9: author: .* \[CONFIG_INVALID\]/)
  })
})

describe('replacing data/notes.md with other notes', () => {
  it('keeps working with the default deck.yaml: its flow warns with deck.yaml:line, the deck is made', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'data'))
    cpSync(CONFIG, join(dir, 'data', 'deck.yaml'))
    writeFileSync(join(dir, 'data', 'notes.md'), notes)
    const result = await generate({ notes: join(dir, 'data', 'notes.md'), out: join(dir, 'slides.md'), offline: true })
    const warning = result.warnings.find(w => w.message.startsWith('flows: no section titled "大模型人类偏好对齐"'))
    expect(warning?.where?.file).toMatch(/data\/deck\.yaml$/)
    expect(warning?.where?.line).toBe(8)
    expect(result.plan.slides.length).toBeGreaterThanOrEqual(2)
    expect(result.markdown).toContain('Every value has one owner')
    expect(result.markdown).toContain('Run the handler')
  })
})
