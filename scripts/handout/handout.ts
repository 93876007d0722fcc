/**
 * The handout: lay out A4 pages of [slide frame | speaker notes] in Chromium, print them to PDF
 * (text stays text, the outline comes from the section headings), then draw the exported slides
 * into the frames. Every request of the page is answered from memory or the bundled font; nothing
 * else is fetched.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, resolve, sep } from 'node:path'
import type { Browser } from 'playwright-chromium'
import { openContext } from '../slidev/browser'
import { NotedeckError } from '../core/errors'
import { mismatches, pdfPageTexts } from '../export/deck-proof'
import type { Deck } from '../pipeline/types'
import { handoutContent } from './handout-content'
import { charWidth } from '../pipeline/char-width'
import { documentInfo } from '../export/outline'
import { composeHandout } from './handout-compose'
import { type PerPage, handoutHtml } from './handout-layout'
import { writeAtomic } from '../core/write'
import { layoutHandout } from '../page/bundle'
import type { HandoutLayout } from '../page/handout-types'

export interface HandoutOptions {
  /** The deck the slides PDF was printed from (after the export's feedback pass). */
  deck: Deck
  /** The slides exported to PDF (one page per slide). */
  slidesPdf: string
  output: string
  /** A browser's executable (started and stopped here), or a running browser (a page of it used, then closed). */
  browser: string | Browser
  perPage: PerPage
  dark: boolean
  /** The notes file, for messages that point at a line. */
  notesFile: string
}

const ORIGIN = 'http://handout.notedeck.invalid'
const NOTES_PT = [9.5, 9, 8.5, 8]
const FLOOR_PT = [7.5, 7]

type Layout = HandoutLayout

/** The bundled fonts' folders, by the URL prefix the handout page loads them from: text, and code. */
function fontDirs(): Record<string, string> {
  const require = createRequire(import.meta.url)
  return {
    '/font/': dirname(require.resolve('@fontsource/noto-sans-sc/package.json')),
    '/mono/': join(dirname(require.resolve('@chinese-fonts/maple-mono-cn/package.json')), 'dist', 'MapleMono-CN-Regular'),
    '/emoji/': dirname(require.resolve('@fontsource/noto-emoji/package.json')),
  }
}

/** Answers the page's requests: the handout itself, and the bundled fonts' CSS and files. */
async function respond(url: string, html: string, dirs: Record<string, string>): Promise<{ body: string | Buffer, contentType: string } | undefined> {
  const { pathname } = new URL(url)
  if (pathname === '/')
    return { body: html, contentType: 'text/html; charset=utf-8' }
  if (pathname === '/font/all.css')
    return { body: '@import url(400.css);\n@import url(700.css);\n@import url(/mono/result.css);\n@import url(/emoji/400.css);\n', contentType: 'text/css' }
  const prefix = Object.keys(dirs).find(p => pathname.startsWith(p))
  if (!prefix)
    return undefined
  const fonts = dirs[prefix]!
  const file = resolve(fonts, decodeURIComponent(pathname.slice(prefix.length)))
  if (!file.startsWith(fonts + sep))
    return undefined
  const body = await readFile(file).catch(() => undefined)
  const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.woff2') ? 'font/woff2' : 'font/woff'
  return body && { body, contentType: type }
}

/** A slide's lines as one text: a space where a line broke, none between wide (CJK) characters. */
export function joinLines(text: string): string {
  const joined = text.split('\n').reduce((acc, line) => {
    const before = [...acc].at(-1)
    const after = [...line][0]
    return before && after && charWidth(before) === 1 && charWidth(after) === 1 ? `${acc} ${line}` : acc + line
  }, '')
  return joined.replace(/\s+/g, ' ').trim()
}

export async function renderHandout(opts: HandoutOptions): Promise<{ output: string, pages: number, bytes: number, layout: Layout }> {
  const content = handoutContent(opts.deck)
  const { lang } = opts.deck
  const slidesPdf = await readFile(opts.slidesPdf)
  // Each slide's text, read from the exported slides: the alternative of its picture in the handout.
  const pages = await pdfPageTexts(slidesPdf, '\n')
  // The slides PDF may have been replaced since it was exported (another deck's export to the same path).
  const problems = mismatches(opts.deck, pages)
  if (problems.length)
    throw new NotedeckError('EXPORT_FAILED', `${opts.slidesPdf} is not this deck's slides: ${problems.join('; ')}`, { hint: 'export again with --fresh' })
  const slideTexts = pages.map(joinLines)
  const html = handoutHtml(content, { perPage: opts.perPage, dark: opts.dark, lang, fontCss: '/font/all.css', slideTexts })
  const fonts = fontDirs()
  const refused: string[] = []
  const { context, close } = await openContext(opts.browser, { viewport: { width: 794, height: 1123 }, colorScheme: opts.dark ? 'dark' : 'light' })
  let printed: Buffer
  let layout: Layout
  try {
    const page = await context.newPage()
    await page.route('**/*', async (route) => {
      const answer = route.request().url().startsWith(ORIGIN) ? await respond(route.request().url(), html, fonts) : undefined
      if (answer)
        return route.fulfill({ status: 200, ...answer })
      refused.push(route.request().url())
      return route.abort('blockedbyclient')
    })
    await page.goto(`${ORIGIN}/`, { waitUntil: 'load' })
    layout = await layoutHandout(page, NOTES_PT, FLOOR_PT)
    printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true })
  }
  finally {
    await close()
  }
  if (refused.length > 0)
    throw new NotedeckError('EXPORT_FAILED', `the handout page asked for something notedeck does not serve: ${refused.slice(0, 3).join(', ')}`)
  const first = layout.tooLong[0]
  if (first !== undefined) {
    const line = content.slides[first - 1]?.notesLine
    throw new NotedeckError('EXPORT_FAILED', `the speaker notes of slide ${first} do not fit on a handout page even in 7 pt type`, {
      where: { file: opts.notesFile, ...(line ? { line } : {}) },
      hint: 'split that part of the notes under more headings, or use --per-page 2',
    })
  }
  const pdf = await composeHandout(printed, slidesPdf, layout.frames, documentInfo(opts.deck))
  await writeAtomic(opts.output, pdf)
  return { output: opts.output, pages: layout.pages, bytes: pdf.byteLength, layout }
}
