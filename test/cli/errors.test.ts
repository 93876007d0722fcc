import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { findBrowser } from '../../scripts/slidev/browser'
import { parseConfig } from '../../scripts/pipeline/notes/config'
import { NotedeckError } from '../../scripts/core/errors'
import { decodeNotes, readNotes } from '../../scripts/pipeline/notes/read'
import { ROOT } from '../../scripts/core/paths'
import { CLI, tempDir } from '../helpers'

const run = promisify(execFile)
const enc = (s: string) => new TextEncoder().encode(s)

async function cli(...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args], { cwd: ROOT })
    return { code: 0, stdout, stderr }
  }
  catch (e) {
    const err = e as { code: number, stdout: string, stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('reading notes', () => {
  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    const { text } = decodeNotes(new Uint8Array([0xEF, 0xBB, 0xBF, ...enc('## 标题\r\n\r\n文本\r\n')]), 'n.md')
    expect(text).toBe('## 标题\n\n文本\n')
  })
  it('decodes GB18030 (GBK) Chinese with a warning that says how to convert', () => {
    const gbk = new Uint8Array([0xB4, 0xF3, 0xC4, 0xA3, 0xD0, 0xCD]) // 大模型
    const { text, warnings } = decodeNotes(new Uint8Array([...enc('## '), ...gbk, 0x0A]), 'n.md')
    expect(text).toBe('## 大模型\n')
    expect(warnings[0]?.message).toMatch(/GB18030.*iconv -f GB18030 -t UTF-8/)
  })
  it('refuses binary content', () => {
    expect(() => decodeNotes(new Uint8Array([0x89, 0x50, 0x4E, 0x47, 0, 0, 1]), 'x.png')).toThrow(/binary file/)
  })
  it('refuses empty and whitespace-only notes', () => {
    expect(() => decodeNotes(enc(' \n\t\n'), 'e.md')).toThrowError(expect.objectContaining({ code: 'NOTES_EMPTY' }))
  })
  it('refuses notes over the size limit at once, without reading them', async () => {
    const big = join(tempDir(), 'big.md')
    writeFileSync(big, '## x\n'.repeat(1_400_000)) // 5.6 MB
    await expect(readNotes(big)).rejects.toMatchObject({ code: 'NOTES_TOO_LARGE', message: expect.stringMatching(/limit is 1 MiB/) })
  })
  it('takes 50 levels of nested lists in its stride', async () => {
    const deep = Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')
    const { text } = decodeNotes(enc(`## Deep\n\n${deep}\n`), 'deep.md')
    const { buildDeck } = await import('../../scripts/pipeline/generate')
    const { plan } = buildDeck({ text, file: 'deep.md', config: { flows: [] }, images: new Map() })
    expect(plan.slides.length).toBeGreaterThan(1)
  })
  it('names the file for a missing file and a directory', async () => {
    await expect(readNotes('/no/such/notes.md')).rejects.toMatchObject({ code: 'NOTES_NOT_FOUND', where: { file: '/no/such/notes.md' } })
    await expect(readNotes(tempDir())).rejects.toMatchObject({ code: 'NOTES_NOT_FILE' })
  })
})

describe('the deck config', () => {
  it('accepts the shipped config', () => {
    expect(parseConfig('title: T\nflows:\n  - section: S\n    start: a\n', 'deck.yaml')).toMatchObject({ title: 'T', flows: [{ section: 'S', start: 'a' }] })
  })
  it('names file:line:col for an unknown key', () => {
    try {
      parseConfig('title: T\nflows:\n  - section: S\n    stat: a\n', 'deck.yaml')
      expect.unreachable()
    }
    catch (e) {
      expect(e).toBeInstanceOf(NotedeckError)
      expect((e as NotedeckError).format()).toMatch(/^deck\.yaml:4:5: flows\.0: Unrecognized key: "stat"/)
    }
  })
  it('names file:line:col for a value of the wrong type', () => {
    expect(() => parseConfig('title: T\nlang: fr\n', 'deck.yaml')).toThrowError(expect.objectContaining({ where: { file: 'deck.yaml', line: 2, column: 7 } }))
  })
  it('names file:line:col for broken YAML', () => {
    expect(() => parseConfig('title: [unclosed\n', 'deck.yaml')).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID', where: expect.objectContaining({ line: expect.any(Number) }) }))
  })
})

describe('finding a browser', () => {
  it('prefers CHROMIUM_PATH, and says when it is wrong', () => {
    expect(findBrowser({ env: { CHROMIUM_PATH: process.execPath }, playwrightPath: undefined })).toBe(process.execPath)
    expect(() => findBrowser({ env: { CHROMIUM_PATH: '/nope/chrome' }, playwrightPath: undefined })).toThrow(/CHROMIUM_PATH is set to \/nope\/chrome/)
  })
  it('falls back to a system browser on PATH, then to a clear error naming the set-up command', () => {
    const dir = tempDir()
    const fake = join(dir, 'chromium')
    writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 })
    expect(findBrowser({ env: { PATH: dir }, playwrightPath: '/missing/playwright/chrome' })).toBe(fake)
    expect(() => findBrowser({ env: { PATH: tempDir() }, playwrightPath: undefined })).toThrowError(expect.objectContaining({ code: 'BROWSER_NOT_FOUND', hint: expect.stringContaining('npm run setup') }))
  })
})

describe('the command line', () => {
  it('prints file:line:col for a bad config and exits non-zero, writing nothing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'notes.md'), '## A\n\ntext\n')
    writeFileSync(join(dir, 'deck.yaml'), 'title: x\ncolour: red\n')
    const out = join(dir, 'slides.md')
    const r = await cli('generate', join(dir, 'notes.md'), '-o', out)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/deck\.yaml:2:1: Unrecognized key: "colour" \[CONFIG_INVALID\]/)
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/) // no stack trace
    const { existsSync } = await import('node:fs')
    expect(existsSync(out)).toBe(false)
  })
  it('says which file is missing', async () => {
    const r = await cli('generate', 'nope.md', '-o', join(tempDir(), 's.md'))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('notedeck: nope.md: no such file [NOTES_NOT_FOUND]')
  })
  it('rejects unknown options and commands with exit 2', async () => {
    expect((await cli('generate', '--bogus')).code).toBe(2)
    expect((await cli('frobnicate')).code).toBe(2)
  })
  it('names the allowed values of --format and --per-page', async () => {
    const format = await cli('export', '--format', 'gif')
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('--format takes pdf, pptx, pptx-image, png (or several, comma-separated), not "gif" [USAGE]')
    const perPage = await cli('handout', '--per-page', '4')
    expect(perPage.code).toBe(2)
    expect(perPage.stderr).toContain('--per-page takes 2 or 3, not "4" [USAGE]')
  })
  it('keeps hand edits: refuses to overwrite, --force keeps a backup, --check reports staleness', async () => {
    const { readFileSync, appendFileSync } = await import('node:fs')
    const dir = tempDir()
    const notes = join(dir, 'n.md')
    const out = join(dir, 'slides.md')
    writeFileSync(notes, '## One\n\n- a\n- b\n')
    expect((await cli('generate', notes, '-o', out, '--offline')).code).toBe(0)
    expect((await cli('generate', notes, '-o', out, '--offline', '--check')).code).toBe(0)
    appendFileSync(out, '\n<!-- my edit -->\n')
    const edited = readFileSync(out, 'utf8')
    const refused = await cli('generate', notes, '-o', out, '--offline')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/slides\.md: was edited by hand since notedeck wrote it; not overwriting it \[HAND_EDITED\]/)
    expect(readFileSync(out, 'utf8')).toBe(edited)
    const stale = await cli('generate', notes, '-o', out, '--offline', '--check')
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain('[STALE]')
    expect(readFileSync(out, 'utf8')).toBe(edited) // --check writes nothing
    expect((await cli('generate', notes, '-o', out, '--offline', '--force')).code).toBe(0)
    expect(readFileSync(`${out}.bak`, 'utf8')).toBe(edited)
    expect(readFileSync(out, 'utf8')).not.toContain('my edit')
  }, 30_000)
  it('leaves the last good slides in place when the notes are broken', async () => {
    const { readFileSync } = await import('node:fs')
    const dir = tempDir()
    const notes = join(dir, 'n.md')
    const out = join(dir, 'slides.md')
    writeFileSync(notes, '## One\n\ntext\n')
    expect((await cli('generate', notes, '-o', out, '--offline')).code).toBe(0)
    const good = readFileSync(out, 'utf8')
    writeFileSync(notes, new Uint8Array([0xFF, 0xFE, 0x00, 0x41]))
    const r = await cli('generate', notes, '-o', out, '--offline')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('[NOTES_ENCODING]')
    expect(readFileSync(out, 'utf8')).toBe(good)
  })
  it('generates other notes to the path given, printing what it wrote', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'sub', 'n.md'), '# Title\n\n## One\n\n- a\n- b\n\n## Two\n\ntext\n')
    const out = join(dir, 'out', 'deck.md')
    const r = await cli('generate', join(dir, 'sub', 'n.md'), '-o', out, '--offline')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/-> .*deck\.md \(\d+ slides\)/)
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(out, 'utf8')).toContain('title: "Title"')
  })
})
