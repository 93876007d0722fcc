/**
 * Export from the dev server `npm run dev` is running: no second Vite, no cold start. `dev` announces
 * its port in a small file; `export` prints the server's print view once it shows exactly the slides
 * just generated (each slide's source is compared), then adds the outline by section.
 */
import { readFile, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseSync } from '@slidev/parser'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, OFFLINE_ARG } from './browser'
import { NotedeckError } from './errors'
import { SLIDEV } from './slidev-internals'
import { BLANK_BYTES_PER_PAGE } from './export'
import { addOutline } from './outline'
import { DEV_ANNOUNCEMENT } from './paths'
import { writeAtomic } from './write'

export interface Announcement { pid: number, port: number, slides: string }

/** Says that a dev server for `slides` listens on `port`; returns what takes it back. */
export async function announce(a: Announcement, file = DEV_ANNOUNCEMENT): Promise<() => Promise<void>> {
  await writeAtomic(file, `${JSON.stringify(a)}\n`)
  return () => rm(file, { force: true })
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  }
  catch { return false }
}

/** The URL of a running dev server that serves `slides`, if there is one that answers. */
export async function findLiveServer(slides: string, file = DEV_ANNOUNCEMENT): Promise<string | undefined> {
  const a = await readFile(file, 'utf8').then(t => JSON.parse(t) as Announcement, () => undefined)
  if (!a || resolve(a.slides) !== resolve(slides) || !alive(a.pid))
    return undefined
  const url = `http://localhost:${a.port}`
  const ok = await fetch(`${url}/`, { signal: AbortSignal.timeout(1500) }).then(r => r.ok, () => false)
  return ok ? url : undefined
}

export interface Printer {
  /** Prints the deck once the server shows exactly these slides; returns the PDF with its outline. */
  print: (slidesMarkdown: string) => Promise<Uint8Array>
  close: () => Promise<void>
}

/**
 * A headless page on the dev server's in-browser exporter (the dev server has no print route),
 * which prints one slide per page. The browser stays open between prints; each print loads the
 * page afresh (hot reload updates what a slide shows, not the slide sources the page reports, and
 * those are how we know the page shows the slides just written).
 */
export async function openPrinter(url: string, browserPath: string, timeoutMs: number): Promise<Printer> {
  const browser = await chromium.launch({ executablePath: browserPath, args: [...CHROMIUM_ARGS, OFFLINE_ARG] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const shows = (want: string[]) => page.evaluate(([want, S]) => {
      const nav = (window as unknown as Record<string, { nav?: { slides?: Array<{ meta?: { slide?: { content?: string } } }> } } | undefined>)[S.global]?.nav
      const have = nav?.slides?.map(r => (r.meta?.slide?.content ?? '').trim())
      return have?.length === want.length && have.every((c, i) => c === want[i])
    }, [want, SLIDEV] as const)
    const print = async (slidesMarkdown: string) => {
      const { slides } = parseSync(slidesMarkdown, 'slides.md')
      const expected = slides.map(s => s.content.trim())
      const deadline = Date.now() + timeoutMs
      // The server reloads the slides file on its own schedule: load until it shows the ones just written.
      for (;;) {
        await page.goto(`${url}${SLIDEV.exportPath}`, { waitUntil: 'load', timeout: timeoutMs })
        await page.waitForFunction(S => Boolean((window as unknown as Record<string, { nav?: unknown } | undefined>)[S.global]?.nav), SLIDEV, { timeout: timeoutMs })
        if (await shows(expected))
          break
        if (Date.now() > deadline)
          throw new NotedeckError('EXPORT_FAILED', `the dev server at ${url} did not show the slides just generated within ${timeoutMs / 1000} s`)
        await page.waitForTimeout(150)
      }
      await page.waitForFunction(([n, S]) => {
        const containers = [...document.querySelectorAll(`${S.exportContent} ${S.printContainer}`)]
        // Slides load asynchronously: each must show its layout (or Slidev's error), not a placeholder.
        if (containers.length !== n || document.querySelector(S.loading) || !containers.every(c => c.querySelector(`${S.layout}, ${S.failed}`)))
          return false
        const diagrams = document.querySelectorAll(`${S.exportContent} .nd-diagram`).length
        const done = [...document.querySelectorAll(`${S.exportContent} .nd-diagram *`)].filter(e => e.shadowRoot?.querySelector('svg')).length + document.querySelectorAll(`${S.exportContent} .nd-diagram pre`).length
        return done >= diagrams && !document.querySelector('#mermaid-rendering-container div')
      }, [expected.length, SLIDEV] as const, { timeout: timeoutMs, polling: 50 })
      await page.evaluate(() => document.fonts.ready)
      await page.waitForFunction(() => [...document.images].every(i => i.complete), undefined, { timeout: timeoutMs, polling: 50 })
      const pdf = await page.pdf({ width: '980px', height: '552px', margin: { top: 0, right: 0, bottom: 0, left: 0 }, printBackground: true })
      if (pdf.byteLength < expected.length * BLANK_BYTES_PER_PAGE)
        throw new NotedeckError('EXPORT_FAILED', 'the PDF from the running dev server came out blank')
      const title = String(slides[0]?.frontmatter.title ?? slides[0]?.title ?? '')
      return addOutline(pdf, slides.map(s => ({ title: s.title ?? '', level: typeof s.frontmatter.level === 'number' ? s.frontmatter.level : undefined })), title)
    }
    return { print, close: () => browser.close() }
  }
  catch (e) {
    await browser.close()
    throw e
  }
}

export interface LiveExportOptions {
  url: string
  /** The slides just generated: the server must show exactly these. */
  slidesMarkdown: string
  output: string
  browser: string
  timeoutMs: number
}

export async function exportFromServer(opts: LiveExportOptions): Promise<{ output: string, bytes: number }> {
  const printer = await openPrinter(opts.url, opts.browser, opts.timeoutMs)
  try {
    const pdf = await printer.print(opts.slidesMarkdown)
    await writeAtomic(opts.output, pdf)
    return { output: opts.output, bytes: pdf.byteLength }
  }
  finally {
    await printer.close()
  }
}
