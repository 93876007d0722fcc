// Nothing lost silently: what the browser finds before printing decides what the export does. A
// slide that did not fit is planned again from what was measured; what still cannot fit (a drawing
// 200 columns wide, a character no font has) is printed as it is, named by notes line, and the
// export exits 1 unless --allow-overflow; a page whose diagram, font or request failed is not
// printed at all; a node_modules that is a link to another folder serves its fonts and Mermaid.
import { execFile, execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, slidesFor } from '../../scripts/core/paths'
import { lostParts } from '../../scripts/export/audit'
import { exportDecks } from '../../scripts/export/export'
import { correctionsFor } from '../../scripts/export/feedback'
import { generate } from '../../scripts/pipeline/generate'
import { resolveBrowser } from '../../scripts/slidev/browser'
import { depsCacheFor } from '../../scripts/slidev/slidev-server'
import { writeAtomic } from '../../scripts/core/write'
import { CLI, tempDir } from '../helpers'
import { lostInPdf } from './pdf-lost'

const run = promisify(execFile)
const made: string[] = []
afterAll(() => made.forEach(f => rmSync(f, { recursive: true, force: true })))

/** `npm run export` of `notes` (written to a temporary folder) to `pdf`; its exit code and output. */
async function exportNotes(name: string, notes: string, ...args: string[]) {
  const dir = tempDir()
  const file = join(dir, `${name}.md`)
  const pdf = join(dir, `${name}.pdf`)
  writeFileSync(file, notes)
  made.push(slidesFor(file))
  const r = await run(process.execPath, [...CLI, 'export', file, '-o', pdf, ...args], { cwd: ROOT, timeout: 120_000 }).then(o => ({ code: 0, ...o }), (e: { code: number, stdout: string, stderr: string }) => e)
  return { ...r, pdf, file }
}

const box = (w: number) => [`┌${'─'.repeat(w - 2)}┐`, `│${' '.repeat(w - 2)}│`, `└${'─'.repeat(w - 2)}┘`].join('\n')

describe('what cannot fit', () => {
  const notes = `# 宽图\n\n## 架构图\n\n\`\`\`\n${box(200)}\n\`\`\`\n\n## 其他\n\n一些文字。\n\n- 第一点\n- 第二点\n`

  it('a drawing 200 columns wide: printed as it is, named by notes line and slide, exit 1, and not taken as up to date', async () => {
    const first = await exportNotes('wide', notes)
    expect(first.code).toBe(1)
    expect(existsSync(first.pdf)).toBe(true)
    expect(first.stderr).toMatch(/wide\.md:5: slide \d+ "架构图": content \d+px (?:outside the slide|wider or taller than the box)/)
    expect(first.stderr).toContain('[CONTENT_LOST]')
    expect(first.stderr).toContain('--allow-overflow')
    // No cache stamp: the next export says it again.
    const again = await run(process.execPath, [...CLI, 'export', first.file, '-o', first.pdf], { cwd: ROOT, timeout: 120_000 }).then(() => 0, (e: { code: number }) => e.code)
    expect(again).toBe(1)
  }, 240_000)

  it('with --allow-overflow: the same PDF, a warning, exit 0', async () => {
    const r = await exportNotes('wide-allowed', notes, '--allow-overflow')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/warning: .*wide-allowed\.md:5: slide \d+ "架构图"/)
  }, 120_000)

  it('a character no bundled font has: exit 1 naming it, its code point and the notes line', async () => {
    const r = await exportNotes('glyph', '# Glyphs\n\n## A sign\n\n- the sign \u{13000} on its own\n- and a second line of text\n- and a third one\n\n## More\n\nText.\n')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/glyph\.md:3: slide 2 .*𓀀 U\+13000/)
  }, 120_000)
})

describe('the notes\' text as typed', () => {
  // markdown-it's typographer (on in Slidev's Markdown plugin) rewrote these: `...` to `…`, `(c)` to
  // `©`, `!!!!` to `!!!`, `,,` to `,`, `--` to `–` and `it's` to `it’s` (full width in the Chinese font).
  const typed = ['It\'s done... (c) 2024 (tm) (r)', 'a +- b --- c!!!! d?.... e,,f', 'Don\'t 用 -- 分隔', 'Let\'s Encrypt 证书']
  const notes = `# Typed\n\n## Prose\n\n${typed[0]}\n\n- ${typed[1]}\n- second item\n\n## Table\n\n| Key | Value |\n| --- | --- |\n| x | ${typed[2]} |\n\n> **Term**：${typed[3]}\n`

  it('reaches the PDF character for character: no typographic replacements', async () => {
    const r = await exportNotes('typed', notes)
    expect(r.code, r.stderr).toBe(0)
    const text = execFileSync('pdftotext', ['-raw', r.pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const t of typed)
      expect(text, t).toContain(t.replace(/\s+/g, ''))
  }, 120_000)
})

describe('a page that reported a problem', () => {
  it('is not printed: a diagram of the notes that shows an error stops the export naming its slide; the previous PDF stays', async () => {
    const dir = tempDir()
    const pdf = join(dir, 'broken.pdf')
    writeFileSync(pdf, 'the previous PDF')
    const file = join(dir, 'broken.md')
    writeFileSync(file, '# Broken\n\n## Flow\n\nA flow:\n\n```mermaid\nflowchart LR\n  A -->\n```\n\n## More\n\nText.\n')
    made.push(slidesFor(file))
    const r = await run(process.execPath, [...CLI, 'export', file, '-o', pdf], { cwd: ROOT, timeout: 120_000 }).then(() => ({ code: 0, stderr: '' }), (e: { code: number, stderr: string }) => e)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/slide \d+ "Flow" \(.*broken\.md:\d+\): diagram did not render: .*Parse error/)
    expect(r.stderr).toContain('[EXPORT_FAILED]')
    expect(readFileSync(pdf, 'utf8')).toBe('the previous PDF')
  }, 120_000)
})

describe('the feedback pass', () => {
  it('a slide the browser finds too tall is planned again from what it measured, before anything is printed', async () => {
    const dir = tempDir()
    const notes = join(dir, 'steps.md')
    const steps = Array.from({ length: 6 }, (_, i) => `${i + 1}. Step ${i + 1}:\n   \`\`\`bash\n${Array.from({ length: 4 }, (_, k) => `   run step-${i + 1}-${k} --verbose`).join('\n')}\n   \`\`\``).join('\n')
    writeFileSync(notes, `# Steps\n\n## Install\n\n${steps}\n\n## After\n\nDone.\n`)
    const out = join(ROOT, '.notedeck-test-feedback.slides.md')
    made.push(out)
    const result = await generate({ notes, out, offline: true })
    // A planner that thought the list half as tall as it is: it puts the whole list on one slide.
    const list = result.deck.slides.find(s => s.title === 'Install' && s.height)!
    const optimistic = result.replan([{ lines: list.lines!, grow: 0.4 }])
    await writeAtomic(out, optimistic.markdown)
    expect(optimistic.deck.slides.filter(s => s.title === 'Install').length).toBeLessThan(result.deck.slides.filter(s => s.title === 'Install').length)
    let corrections: ReturnType<typeof correctionsFor> = []
    const pdf = join(dir, 'steps.pdf')
    const [done] = await exportDecks({
      slides: out,
      deck: optimistic.deck,
      browser: await resolveBrowser(),
      timeoutMs: 60_000,
      dark: false,
      replan: async (audit) => {
        corrections = correctionsFor(audit, optimistic.deck.slides)
        return corrections.length ? result.replan(corrections.map(c => ({ ...c, grow: c.grow * 0.4 }))) : undefined
      },
    }, [{ format: 'pdf', output: pdf }])
    expect(corrections.length).toBeGreaterThan(0)
    expect(lostParts(done!.rendered.replanned!).length).toBeGreaterThan(0)
    expect(lostParts(done!.rendered.audit)).toEqual([])
    expect(lostInPdf(readFileSync(notes, 'utf8'), pdf).missingLines).toEqual([])
  }, 180_000)
})

describe('a copy of the project whose node_modules is a link to another folder', () => {
  /** The project's files (as git has them, with the working tree's changes) in a new folder, node_modules linked. */
  function copyProject(): string {
    const dir = join(tempDir(), 'project')
    made.push(dirname(dir))
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)
    for (const f of files.filter(f => existsSync(join(ROOT, f)))) {
      mkdirSync(dirname(join(dir, f)), { recursive: true })
      cpSync(join(ROOT, f), join(dir, f))
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
    return dir
  }
  /** The copy's own dependency cache, which lies in this project's node_modules (a folder per project): it goes afterwards. */
  const cacheOf = (dir: string) => made.push(join(ROOT, 'node_modules', '.vite', basename(depsCacheFor(join(dir, 'slides.md'), 'export'))))

  it('exports with its bundled fonts and its diagrams drawn; without the packages\' real folder served it refuses to print', async () => {
    const dir = copyProject()
    const pdf = join(dir, 'dist', 'slides.pdf')
    cacheOf(dir)
    const ok = await run(process.execPath, ['scripts/run.mjs', 'export', '--offline'], { cwd: dir, timeout: 170_000 })
    expect(ok.stdout).toMatch(/slides\.pdf \(\d+ pages/)
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    expect(fonts).toMatch(/NotoSansSC/)
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).not.toMatch(/NetworkError|Syntax error/)
    // The same copy without the plugin that serves the packages' real folder: Vite refuses the fonts.
    writeFileSync(pdf, 'the previous PDF')
    writeFileSync(join(dir, 'vite.config.ts'), readFileSync(join(dir, 'vite.config.ts'), 'utf8').replace(', realModules(dirname(fileURLToPath(import.meta.url)))', ''))
    cacheOf(dir)
    const refused = await run(process.execPath, ['scripts/run.mjs', 'export', '--offline', '--fresh'], { cwd: dir, timeout: 170_000 }).then(() => ({ code: 0, stderr: '' }), (e: { code: number, stderr: string }) => e)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/HTTP 403: .*@fontsource|the bundled font .* did not load/)
    expect(refused.stderr).toContain('[EXPORT_FAILED]')
    expect(readFileSync(pdf, 'utf8')).toBe('the previous PDF')
  }, 360_000)
})
