// `npm run check` in a real Chromium: it finds real layout problems, and finds none in the decks
// generated from the default notes and from every fixture. One checker (one Slidev server, one
// browser) checks them all, deck after deck, as `npm run check -- a.md b.md …` does.
import { execFile, spawn } from 'node:child_process'
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveBrowser } from '../../scripts/slidev/browser'
import { type CheckReport, type Checker, type Finding, openChecker } from '../../scripts/check/check'
import { median } from '../../scripts/core/stats'
import { generate } from '../../scripts/pipeline/generate'
import { ROOT, slidesFor } from '../../scripts/core/paths'
import { CLI, FIXTURES, NOTES, deckOfSlidesFile, tempDir } from '../helpers'

const run = promisify(execFile)

const made: string[] = []
/** A box that fills most of a test slide, so that only the defect under test is reported. */
const FULL = '<table style="width: 860px; height: 300px"><tbody><tr><td>a full slide</td></tr></tbody></table>'
let checker: Checker
beforeAll(async () => { checker = await openChecker(await resolveBrowser()) }, 60_000)
afterAll(async () => {
  await checker?.close()
  made.forEach(f => rmSync(f, { force: true }))
})

async function checkNotes(notes: string): Promise<Omit<CheckReport, 'findings'> & { findings: Finding[], slides: number }> {
  const out = join(ROOT, `.notedeck-test-${notes.replace(/\W+/g, '_').slice(-40)}.slides.md`)
  made.push(out)
  const result = await generate({ notes, out, offline: true })
  const report = await checker.check(out, result.deck)
  return { ...report, slides: result.plan.slides.length }
}

describe('the check finds what a speaker would notice', () => {
  it('content outside the slide, a broken image, a missing glyph, a failed diagram', async () => {
    const out = join(ROOT, '.notedeck-test-broken.slides.md')
    made.push(out)
    writeFileSync(out, [
      '---', 'fonts:', '  provider: none', '  mono: Maple Mono CN', 'favicon: /favicon.svg', '---', '', '# fine', '', FULL, '',
      '---', 'notesLine: 20', '---', '', '# too tall', '', '<div style="height: 800px; background: #eee">tall</div>', '',
      '---', '', '# broken image', '', '<img src="data:image/png;base64,AAAA" alt="x">', '',
      '---', '', '# a glyph no font here has: \u{13000}', '',
      '---', '', '# bad diagram', '', '<div class="nd-diagram">', '', '```mermaid', 'flowchart LR', '  A --> ', '```', '', '</div>', '',
      '---', '', '# label wider than its box', '', '<div class="nd-diagram">', '', '```mermaid', 'timeline',
      '  萌芽期 : 以卷积神经网络为代表的传统神经网络模型阶段以卷积神经网络为代表的传统神经网络模型阶段', '```', '', '</div>', '',
      '---', '', '# a slide that does not compile', '', '<div v-if="(">x</div>', '',
      '---', '', '# faint', '', '<p style="color: #cbd5e1">light grey on white</p>', FULL, '',
      '---', '', '# sparse', '', 'one line', '',
      '---', '', '# code in a font whose columns do not line up', '', FULL, '', '<pre><code style="font-family: serif">x</code></pre>', '',
      '---', '', '# code in the bundled monospace font', '', FULL, '', '```', '┌──┐ 中文', '```', '',
      // A diagram held to a narrow box: its labels small, what it draws a strip at the top of a box
      // that is tall enough (by its box) to count as filling a fifth of the slide.
      '---', '', '# small diagram', '', '<div class="nd-diagram" style="width: 300px; height: 380px">', '', '```mermaid', 'flowchart LR', '  A[first step] --> B[second step]', '```', '', '</div>', '',
    ].join('\n'))
    const { findings } = await checker.check(out, deckOfSlidesFile(readFileSync(out, 'utf8')))
    const kinds = (slide: number) => findings.filter(f => f.slide === slide).map(f => f.kind)
    expect(kinds(1)).toEqual([])
    expect(kinds(2)).toContain('overflow')
    expect(findings.find(f => f.slide === 2)?.message).toMatch(/content \d+px outside the slide/)
    expect(findings.find(f => f.slide === 2)?.line).toBe(20)
    expect(kinds(3)).toContain('image')
    expect(kinds(4)).toContain('font')
    expect(findings.find(f => f.kind === 'font')?.message).toContain('U+13000')
    expect(kinds(5)).toEqual(['diagram']) // and not also "did not finish rendering": a diagram that fails is finished
    expect(kinds(6)).toContain('label')
    expect(kinds(7)).toContain('render')
    expect(kinds(8)).toEqual(['contrast'])
    expect(findings.find(f => f.slide === 8)?.message).toMatch(/contrast 1\.\d+:1, needs 4\.5:1: "light grey on white"/)
    expect(kinds(9)).toEqual(['sparse'])
    expect(findings.find(f => f.slide === 9)?.message).toMatch(/^content covers \d+% of the slide \(less than 20%\)$/)
    expect(kinds(10)).toEqual(['mono'])
    expect(findings.find(f => f.slide === 10)?.message).toMatch(/"iiii" [\d.]+px.* vs "MMMM" [\d.]+px in serif/)
    expect(kinds(11)).toEqual([])
    expect(kinds(12)).toEqual(['diagram-size', 'diagram-size', 'sparse'])
    expect(findings.filter(f => f.slide === 12).map(f => f.message).join('\n')).toMatch(/diagram labels [\d.]+ px, under 16 px[\s\S]*diagram draws \d+ x \d+ px, under 85 %/)
  }, 120_000)
})

describe('dark decks pass the check, diagrams and code comments included', () => {
  it.each([NOTES, join(FIXTURES, 'english-timeline.md'), join(FIXTURES, 'every-layout.md')].map(n => [n.slice(ROOT.length + 1), n]))('%s', async (_name, notes) => {
    const out = join(ROOT, `.notedeck-test-dark-${notes.replace(/\W+/g, '_').slice(-40)}.slides.md`)
    made.push(out)
    const result = await generate({ notes, out, offline: true })
    writeFileSync(out, result.variant('dark'))
    const { findings } = await checker.check(out, result.deck)
    expect(findings.map(f => `slide ${f.slide} (line ${f.line}): ${f.kind}: ${f.message}`)).toEqual([])
  }, 120_000)
})

describe('generated decks pass the check', () => {
  const notes = [NOTES, ...readdirSync(FIXTURES).filter(f => f.endsWith('.md')).map(f => join(FIXTURES, f))]
  it.each(notes.map(n => [n.slice(ROOT.length + 1), n]))('%s', async (_name, file) => {
    const { findings, slides, coverage, heights } = await checkNotes(file)
    expect(slides).toBeGreaterThan(1)
    expect(findings.map(f => `slide ${f.slide} (line ${f.line}): ${f.kind}: ${f.message}`)).toEqual([])
    // Decks a person would present: the median content slide covers at least 30% of the canvas.
    expect(median(coverage.map(c => c.coverage))).toBeGreaterThanOrEqual(0.3)
    // The planner's estimate follows the browser: never much shorter than what Chromium lays out.
    expect(heights.length).toBeGreaterThan(0)
    for (const h of heights)
      expect(h.measured, `slide ${h.slide}: estimated ${h.estimated}px`).toBeLessThanOrEqual(h.estimated * 1.1 + 16)
    expect(median(heights.map(h => Math.abs(h.estimated - h.measured) / h.measured))).toBeLessThan(0.1)
  }, 120_000)
})

describe('npm run check with several notes', () => {
  it('checks each on one server, reports each, and fails naming the notes with problems', async () => {
    const dir = tempDir()
    const good = join(dir, 'good.md')
    const bad = join(dir, 'bad.md')
    copyFileSync(join(FIXTURES, 'english-basics.md'), good)
    made.push(slidesFor(good), slidesFor(bad))
    writeFileSync(bad, '# Glyphs\n\n## A sign no bundled font has\n\n- the sign \u{13000} on its own\n- and a second line of text\n- and a third one\n')
    const scratch = () => readdirSync(ROOT).filter(f => f.startsWith('.notedeck-check-'))
    const before = scratch()
    const r = await run(process.execPath, [...CLI, 'check', good, bad, '--offline'], { cwd: ROOT }).then(() => undefined, (e: { code: number, stdout: string, stderr: string }) => e)
    expect(r?.code).toBe(1)
    expect(r!.stdout).toMatch(/check passed: \d+ slides/)
    expect(r!.stdout).toMatch(/slide \d+ \(\S*bad\.md:\d+(:\d+)?\): font: .*U\+13000/)
    expect(r!.stderr).toMatch(/1 of 2 notes have problems: \S*bad\.md \(1 problem in \d+ slides\)/)
    expect(scratch(), 'the check\'s own slides file is removed').toEqual(before)
  }, 180_000)

  it('stopped with a signal, leaves no file of its own behind', async () => {
    const dir = tempDir()
    const notes = join(dir, 'stopped.md')
    copyFileSync(join(FIXTURES, 'zh-long-os.md'), notes)
    made.push(slidesFor(notes))
    const scratch = () => readdirSync(ROOT).filter(f => f.startsWith('.notedeck-check-'))
    const before = scratch()
    const child = spawn(process.execPath, [...CLI, 'check', notes, '--offline'], { cwd: ROOT, stdio: 'ignore' })
    const end = Date.now() + 60_000
    while (scratch().length === before.length && Date.now() < end)
      await new Promise(r => setTimeout(r, 50))
    expect(scratch().length, 'the check wrote its server\'s file').toBe(before.length + 1)
    const exited = new Promise<number | null>(r => child.once('exit', code => r(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(130)
    expect(scratch()).toEqual(before)
  }, 120_000)
})
