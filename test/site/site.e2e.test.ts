// End to end: `npm run site` over a folder of notes in nested folders (and one broken note): the
// index lists every deck by folder, search finds Chinese and English terms on the right slide and
// its link opens that slide, the site works served from an unrelated folder, nothing from the notes
// runs, decks share their assets, and only an edited note's deck is made again.
import { execFile } from 'node:child_process'
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { type Browser, chromium } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/core/paths'
import { CHROMIUM_ARGS, OFFLINE_ARG, resolveBrowser } from '../../scripts/slidev/browser'
import { CLI, FIXTURES, tempDir } from '../helpers'
import { serveStatic } from '../static-server'

const run = promisify(execFile)
const site = (...args: string[]) => run(process.execPath, [...CLI, 'site', ...args], { cwd: ROOT, timeout: 600_000 }).then(r => ({ ...r, code: 0 }), (e: { stdout: string, stderr: string, code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }))

const dir = tempDir()
const notes = join(dir, 'notes')
const out = join(dir, 'site')
const place = (fixture: string, to: string) => {
  mkdirSync(join(notes, to, '..'), { recursive: true })
  copyFileSync(join(FIXTURES, fixture), join(notes, to))
}
let first: Awaited<ReturnType<typeof site>>
let browser: Browser

beforeAll(async () => {
  place('english-basics.md', '2024/distributed.md')
  place('zh-steps.md', '2025/问题与思考/数据处理.md')
  place('hostile.md', 'hostile.md')
  mkdirSync(join(notes, 'drafts'), { recursive: true })
  writeFileSync(join(notes, 'drafts', 'broken.md'), '---\nduration: soon\n---\n# Broken\n\n## Part\n\ntext\n')
  first = await site(notes, '-o', out, '--offline', '--jobs', '2')
  browser = await chromium.launch({ executablePath: await resolveBrowser(), args: [...CHROMIUM_ARGS, OFFLINE_ARG] })
}, 900_000)
afterAll(async () => { await browser?.close() })

describe('npm run site', () => {
  it('makes every deck it can, names the broken note with its line, and exits 1', () => {
    expect(first.code).toBe(1)
    expect(first.stderr).toMatch(/drafts\/broken\.md:2:\d+: .*duration/)
    expect(first.stdout).toMatch(/\(3 decks, 3 made, 0 up to date/)
  })

  it('an index of the decks by folder: titles, slide counts, sections, pictures, downloads', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    expect(html).toContain('<h2>2024</h2>')
    expect(html).toContain('<h2>2025 / 问题与思考</h2>')
    expect(html).toContain('Distributed Systems Notes')
    expect(html).toContain('大模型训练数据处理流程')
    expect(html).toMatch(/\d+ slides/)
    expect(html).toContain('<li>Foundations</li>')
    for (const id of ['2024~distributed', '2025~问题与思考~数据处理', 'hostile']) {
      for (const f of [`covers/${id}.png`, `files/${id}.pdf`, `files/${id}-handout.pdf`, `files/${id}.pptx`, `decks/${id}/index.html`])
        expect(statSync(join(out, f)).size, f).toBeGreaterThan(0)
    }
    // The notes' text is text: the hostile title shows as typed, its markup escaped.
    expect(html).toContain('Hostile notes {{ 7 * 7 }}')
    expect(html).not.toMatch(/<script>window/)
    expect(html).toContain('drafts/broken.md')
  })

  it('decks share one copy of the assets: a site of three is far less than three sites', () => {
    for (const id of readdirSync(join(out, 'decks')))
      expect(existsSync(join(out, 'decks', id, 'assets')), id).toBe(false)
    const size = (p: string): number => statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + size(join(p, f)), 0) : statSync(p).size
    const decks = readdirSync(join(out, 'decks')).map(id => size(join(out, 'decks', id))).reduce((a, b) => a + b, 0)
    expect(size(join(out, 'assets'))).toBeGreaterThan(10 * decks)
  })

  it('served from an unrelated folder: search finds English and Chinese terms on their slide, the link opens it, nothing fails or runs', async () => {
    const server = await serveStatic(out, '/somewhere/else/')
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const failed: string[] = []
      page.on('requestfailed', r => failed.push(r.url()))
      page.on('response', r => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`) })
      page.on('dialog', d => { failed.push(`dialog ${d.message()}`); void d.dismiss() })
      await page.goto(server.url, { waitUntil: 'networkidle' })
      for (const [term, deck, shows] of [['quorum', 'Distributed Systems Notes', 'quorum'], ['去重', '大模型训练数据处理流程', '去重'], ['script', 'Hostile', 'script']] as const) {
        await page.fill('#nd-search', term)
        const first = page.locator('#nd-results li').first()
        await expect.poll(() => first.innerText()).toContain(deck)
        expect(await first.locator('mark').first().innerText()).toMatch(new RegExp(term, 'i'))
        // The fonts the results need have loaded before the page is left (a load cut short fails).
        await page.evaluate(() => document.fonts.ready)
        if (term === 'script')
          continue
        const href = await first.locator('a').getAttribute('href')
        const no = Number(/#\/(\d+)$/.exec(href!)![1])
        await first.locator('a').click()
        await expect.poll(() => page.locator(`.slidev-page-${no}`).innerText(), { timeout: 30_000 }).toContain(shows)
        await page.evaluate(() => document.fonts.ready)
        await page.waitForLoadState('networkidle')
        await page.goto(server.url, { waitUntil: 'networkidle' })
      }
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
      expect(failed).toEqual([])
    }
    finally {
      server.close()
    }
  }, 180_000)

  it('light and dark: the index and a deck follow the viewer\'s setting (notes that fix no colour schema)', async () => {
    const server = await serveStatic(out, '/')
    try {
      const seen: Record<string, { index: string, deck: boolean }> = {}
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } })
        const page = await context.newPage()
        await page.goto(server.url, { waitUntil: 'networkidle' })
        const index = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
        await page.goto(`${server.url}decks/2024~distributed/index.html#/2`, { waitUntil: 'networkidle' })
        await expect.poll(() => page.locator('.slidev-page-2').innerText(), { timeout: 30_000 }).not.toBe('')
        seen[colorScheme] = { index, deck: await page.evaluate(() => document.documentElement.classList.contains('dark')) }
        await context.close()
      }
      expect(seen.light!.deck).toBe(false)
      expect(seen.dark!.deck).toBe(true)
      expect(seen.dark!.index).not.toBe(seen.light!.index)
    }
    finally {
      server.close()
    }
  }, 120_000)

  it('made again only where notes changed: one edited deck; nothing changed, nothing made; a renamed note moves', async () => {
    appendFileSync(join(notes, '2024', 'distributed.md'), '\n## Added later\n\nA paragraph added after the first site.\n')
    const edited = await site(notes, '-o', out, '--offline')
    expect(edited.stdout).toMatch(/\(3 decks, 1 made, 2 up to date/)
    const again = await site(notes, '-o', out, '--offline')
    expect(again.stdout).toMatch(/\(3 decks, 0 made, 3 up to date/)
    expect(readFileSync(join(out, 'search-index.js'), 'utf8')).toContain('A paragraph added after the first site.')
    // A renamed note: made under its new name, gone under its old one, from the index too.
    renameSync(join(notes, 'hostile.md'), join(notes, 'renamed.md'))
    const renamed = await site(notes, '-o', out, '--offline')
    expect(renamed.stdout).toMatch(/\(3 decks, 1 made, 2 up to date/)
    expect(existsSync(join(out, 'decks', 'hostile'))).toBe(false)
    expect(existsSync(join(out, 'files', 'hostile.pdf'))).toBe(false)
    expect(existsSync(join(out, 'decks', 'renamed', 'index.html'))).toBe(true)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('decks/hostile/')
  }, 600_000)
})
