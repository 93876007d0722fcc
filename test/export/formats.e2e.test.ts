// End to end, the other outputs, read back by structure: PNG per slide, PPTX of pictures with speaker notes,
// dark PDF and handout, and the built site served from an arbitrary folder and opened offline.
import { execFile, execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { chromium } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, OFFLINE_ARG, resolveBrowser } from '../../scripts/slidev/browser'
import { RASTER_SCALE, exportDecks } from '../../scripts/export/export'
import { generate } from '../../scripts/pipeline/generate'
import { slidevSlides } from '../../scripts/slidev/slidev-slides'
import { ROOT, slidesFor } from '../../scripts/core/paths'
import { CLI, FIXTURES, fontCovers, readText, tempDir } from '../helpers'
import { serveStatic } from '../static-server'

const run = promisify(execFile)
const cli = (...args: string[]) => run(process.execPath, [...CLI, ...args], { cwd: ROOT, timeout: 200_000 })
const FIXTURE = join(FIXTURES, 'english-timeline.md')

/** Mean brightness (0-255) of a PDF page, from a small greyscale rendering (PGM). */
function brightness(pdf: string, page: number): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '12', '-f', String(page), '-l', String(page), pdf])
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const pixels = pgm.subarray(header[0].length)
  return pixels.reduce((a, b) => a + b, 0) / pixels.length
}

describe('png of chosen slides (the site takes the one its index shows)', () => {
  it('pictures only the slides asked for, each named by its number', async () => {
    const slides = slidesFor(FIXTURE)
    const { deck } = await generate({ notes: FIXTURE, out: slides, offline: true })
    const last = deck.slides.length
    const folder = join(tempDir(), 'pictures')
    await exportDecks({ slides, deck, browser: await resolveBrowser(), timeoutMs: 60_000, dark: false, pictures: d => [2, d.slides.length] }, [{ format: 'png', output: folder }])
    expect(readdirSync(folder).sort()).toEqual(['2.png', `${last}.png`].sort())
    const [two, end] = ['2.png', `${last}.png`].map(f => readFileSync(join(folder, f)))
    expect([two!.readUInt32BE(16), two!.readUInt32BE(20)]).toEqual([980 * RASTER_SCALE, 552 * RASTER_SCALE])
    expect(two!.equals(end!)).toBe(false)
  }, 200_000)
})

describe('export --format png,pptx-image (both from one page, -o their folder)', () => {
  let out = ''
  let stdout = ''
  const exported = async () => {
    if (!out) {
      out = tempDir()
      stdout = (await cli('export', FIXTURE, '--offline', '--format', 'png,pptx-image', '-o', out)).stdout
    }
    return { out, stdout }
  }

  // Each by the name it has by default, which for notes other than the default is theirs.
  const name = basename(FIXTURE, '.md')

  it('writes one PNG per slide at twice the canvas size, in the folder\'s <notes name>-png/', async () => {
    const { out, stdout } = await exported()
    const folder = join(out, `${name}-png`)
    const slides = slidevSlides(readText(slidesFor(FIXTURE))).slides.length
    const files = readdirSync(folder).filter(f => f.endsWith('.png')).sort((a, b) => Number.parseInt(a) - Number.parseInt(b))
    expect(files).toHaveLength(slides)
    expect(stdout).toContain(`(${slides} images`)
    for (const f of files) {
      const png = readFileSync(join(folder, f))
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([980 * RASTER_SCALE, 552 * RASTER_SCALE])
    }
  }, 200_000)

  it('writes a PPTX of pictures (one per slide, as its background) with one notes part per slide, beside them', async () => {
    const { out, stdout } = await exported()
    const file = join(out, `${name}-image.pptx`)
    const content = slidevSlides(readText(slidesFor(FIXTURE)))
    expect(stdout).toContain(`${name}-image.pptx (${content.slides.length} slides`)
    const zip = await JSZip.loadAsync(readFileSync(file))
    const parts = Object.keys(zip.files)
    const slideParts = parts.filter(p => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    expect(slideParts).toHaveLength(content.slides.length)
    for (const p of slideParts) {
      const xml = await zip.file(p)!.async('string')
      expect(xml, p).toMatch(/<p:bg>(?:(?!<\/p:bg>).)*<a:blipFill/s)
      expect(xml, p).not.toContain('<a:t>')
    }
    const withNotes = content.slides.filter(s => s.note?.trim()).length
    const notes = parts.filter(p => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(p))
    expect(notes.length).toBeGreaterThanOrEqual(withNotes)
    const noteText = (await Promise.all(notes.map(p => zip.file(p)!.async('string')))).join('')
    expect(noteText).toContain('Static pages') // a period name from the fixture's timeline, in the speaker notes
  }, 200_000)
})

describe('--dark', () => {
  it('exports dark slides, and a dark handout of them', async () => {
    const dir = tempDir()
    const pdf = join(dir, 'dark.pdf')
    const handout = join(dir, 'handout-dark.pdf')
    // The handout keeps its slides PDF at the notes' own default output, not the default notes' dist/slides-dark.pdf.
    const slidesPdf = join(ROOT, 'dist', `${basename(FIXTURE, '.md')}-dark.pdf`)
    try {
      await cli('export', FIXTURE, '--offline', '--dark', '-o', pdf)
      await cli('handout', FIXTURE, '--offline', '--dark', '-o', handout)
      expect(brightness(pdf, 1)).toBeLessThan(80)
      expect(brightness(handout, 1)).toBeLessThan(80)
      expect(execFileSync('pdftotext', [handout, '-'], { encoding: 'utf8' })).toContain('Static pages')
      expect(brightness(slidesPdf, 1)).toBeLessThan(80)
    }
    finally {
      ['', '.notedeck'].forEach(s => rmSync(`${slidesPdf}${s}`, { force: true }))
    }
  }, 300_000)
})

describe('npm run build', () => {
  it('makes a site that works offline from any folder: no failed request, slide 1 shown, navigation works', async () => {
    const site = join(tempDir(), 'site')
    await cli('build', '--offline', '-o', site)
    expect(statSync(join(site, 'index.html')).isFile()).toBe(true)
    expect((await cli('build', '--offline', '-o', site)).stdout).toMatch(/site\/ is up to date/)

    // Served under a folder the build knows nothing about.
    const server = await serveStatic(site, '/some/where/deck/')
    const browser = await chromium.launch({ executablePath: await resolveBrowser(), args: [...CHROMIUM_ARGS, OFFLINE_ARG] })
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
      const failed: string[] = []
      page.on('requestfailed', r => failed.push(r.url()))
      page.on('response', r => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`) })
      await page.goto(server.url, { waitUntil: 'networkidle' })
      await expect.poll(() => page.locator('.slidev-page-1').innerText(), { timeout: 20_000 }).toContain('大模型学习笔记')
      await page.evaluate(() => document.fonts.ready)
      expect(await page.evaluate(fontCovers, ['Noto Sans SC', '大模型'] as [string, string])).toBe(true)
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.url()).toMatch(/#\/2$/)
      await expect.poll(() => page.locator('.slidev-page-2').innerText()).toContain('目录')
      await page.waitForLoadState('networkidle')
      expect(failed).toEqual([])
    }
    finally {
      await browser.close()
      server.close()
    }
  }, 200_000)
})
