// End to end: `npm run dev -- --pdf` keeps a PDF current from the running server, and `npm run export`
// prints from a running dev server instead of starting its own.
import { execFile, execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outlineSpec } from '../../scripts/export/outline'
import { ROOT } from '../../scripts/core/paths'
import { CLI, FIXTURES, tempDir } from '../helpers'
import { type DevProcess, startDev } from '../dev-process'

const run = promisify(execFile)
const dir = tempDir()
const notes = join(dir, 'talk.md')
const pdf = join(dir, 'live.pdf')
let dev: DevProcess

const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
const updates = () => dev.output().split('\n').filter(l => l.includes('live.pdf updated')).length

beforeAll(async () => {
  copyFileSync(join(FIXTURES, 'english-timeline.md'), notes)
  dev = await startDev([notes, '--offline', `--pdf=${pdf}`])
  await dev.until(() => updates() >= 1, 120_000)
}, 150_000)

afterAll(() => dev?.stop())

describe('npm run dev -- --pdf', () => {
  it('writes the PDF once the server is up', () => {
    expect(existsSync(pdf)).toBe(true)
    expect(text(pdf)).toContain('A Short History of the Web')
  })

  it('prints it again after each save, with the new text', async () => {
    const before = updates()
    writeFileSync(notes, readFileSync(notes, 'utf8').replace('Accessibility is never done.', 'Accessibility is never finished, ever.'))
    await dev.until(() => updates() > before, 30_000)
    expect(text(pdf)).toContain('never finished, ever')
  }, 40_000)

  it('lets `npm run export` print from the running server', async () => {
    const out = join(dir, 'exported.pdf')
    const { stdout } = await run(process.execPath, [...CLI, 'export', notes, '--offline', '--fresh', '-o', out], { cwd: ROOT, timeout: 60_000 })
    expect(stdout).toMatch(/exported\.pdf \(\d+ pages, .*from the dev server at http:\/\/localhost:\d+\)/)
    expect(text(out)).toContain('never finished, ever')
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', out], { encoding: 'utf8' })
    expect(xml).toMatch(/<outline>\s*<item page="1">A Short History of the Web<\/item>/)
  }, 70_000)
})

describe('npm run dev: errors in the browser', () => {
  it('shows an error in the notes over the deck, and clears it once the notes are fixed', async () => {
    const { chromium } = await import('playwright-chromium')
    const { CHROMIUM_ARGS, resolveBrowser } = await import('../../scripts/slidev/browser')
    const browser = await chromium.launch({ executablePath: await resolveBrowser(), args: CHROMIUM_ARGS })
    const good = readFileSync(notes, 'utf8')
    try {
      const page = await browser.newPage()
      await page.goto(`http://localhost:${dev.port}/1`, { waitUntil: 'networkidle' })
      const overlay = () => page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '')
      writeFileSync(notes, '   \n')
      await expect.poll(overlay, { timeout: 15_000 }).toMatch(/talk\.md: the notes are empty.*\[NOTES_EMPTY\]/s)
      expect(await page.locator('.slidev-page-1').innerText()).toContain('A Short History of the Web') // the last good deck
      writeFileSync(notes, good.replace('A Short History of the Web', 'A Short History of the Web, fixed'))
      await expect.poll(overlay, { timeout: 15_000 }).toBe('')
      await expect.poll(() => page.locator('.slidev-page-1').innerText(), { timeout: 15_000 }).toContain('fixed')
    }
    finally {
      writeFileSync(notes, good)
      await browser.close()
    }
  }, 60_000)
})

describe('npm run dev: what a slide does not show', () => {
  it('is named over the slide while the notes make it so, and the note goes once they are fixed', async () => {
    const { chromium } = await import('playwright-chromium')
    const { CHROMIUM_ARGS, resolveBrowser } = await import('../../scripts/slidev/browser')
    const browser = await chromium.launch({ executablePath: await resolveBrowser(), args: CHROMIUM_ARGS })
    const good = readFileSync(notes, 'utf8')
    const drawing = (w: number) => `\n\n## A wide drawing\n\n\`\`\`\n┌${'─'.repeat(w)}┐\n│${' '.repeat(w)}│\n└${'─'.repeat(w)}┘\n\`\`\`\n`
    try {
      writeFileSync(notes, good + drawing(190))
      const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
      const warning = () => page.evaluate(() => document.getElementById('nd-layout-warning')?.textContent ?? '')
      // The drawing is the deck's last slide.
      await expect.poll(async () => {
        await page.goto(`http://localhost:${dev.port}/1`, { waitUntil: 'networkidle' })
        return page.evaluate(() => (window as unknown as { __slidev__?: { nav?: { total?: number } } }).__slidev__?.nav?.total ?? 0)
      }, { timeout: 30_000 }).toBeGreaterThan(4)
      const last = await page.evaluate(() => (window as unknown as { __slidev__: { nav: { total: number } } }).__slidev__.nav.total)
      await page.goto(`http://localhost:${dev.port}/${last}`, { waitUntil: 'networkidle' })
      await expect.poll(warning, { timeout: 15_000 }).toMatch(/does not show all it holds[\s\S]*cut off by its box/)
      expect(await page.locator(`.slidev-page-${last}`).innerText()).toContain('A wide drawing')
      writeFileSync(notes, good + drawing(40))
      await expect.poll(warning, { timeout: 15_000 }).toBe('')
    }
    finally {
      writeFileSync(notes, good)
      await browser.close()
    }
  }, 90_000)
})

describe('outline notation', () => {
  it('nests by level, plain slides under the last section, never skipping a level', () => {
    expect(outlineSpec([
      { title: 'Deck', level: 1 },
      { title: 'Part', level: 1 },
      { title: 'Sub', level: 2 },
      { title: 'plain', level: undefined },
      { title: 'plain 2', level: undefined },
      { title: '', level: undefined },
      { title: 'Deep', level: 4 },
      { title: 'a|b', level: 1 },
    ])).toBe(['1||Deck', '2||Part', '3|-|Sub', '4|--|plain', '5|--|plain 2', '7|---|Deep', '8||a b'].join('\n'))
  })
})
