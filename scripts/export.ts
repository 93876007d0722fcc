/** The export command: Slidev's exporter with a located browser, a time limit, and an atomic output. */
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { CHROMIUM_ARGS, OFFLINE_ARG } from './browser'
import { NotedeckError } from './errors'
import { lastLines, runSlidev } from './slidev'
import { replacePath, tempPathFor } from './write'

/** Time for Slidev to start (Vite, the browser) on top of the page-rendering timeout. */
export const EXPORT_OVERHEAD_MS = 30_000

export type ExportFormat = 'pdf' | 'pptx' | 'png'
export const FORMATS: readonly ExportFormat[] = ['pdf', 'pptx', 'png']

/** Pixels per canvas pixel for the raster formats (PNG, and PPTX, whose slides are pictures). */
export const RASTER_SCALE = 2

export interface ExportOptions {
  /** The generated slides.md to export. */
  slides: string
  /** A file for pdf and pptx; a folder (one PNG per slide) for png. */
  output: string
  format: ExportFormat
  browser: string
  timeoutMs: number
  dark: boolean
  /** Slides in the deck, to recognise a PDF of blank pages. */
  pages: number
}

/**
 * Below this many bytes per page a PDF has no text on its pages: a blank export, seen now and then
 * when Vite reloads the page while Slidev captures it (a fresh clone's first run).
 */
export const BLANK_BYTES_PER_PAGE = 600

/** Slidev's arguments for an export to `tmpOutput`. Pure. */
export function exportArgs(opts: ExportOptions, tmpOutput: string): string[] {
  return [
    'export',
    basename(opts.slides),
    '--output', tmpOutput,
    '--format', opts.format,
    '--executable-path', opts.browser,
    ...(opts.format === 'pdf' ? ['--with-toc'] : ['--scale', String(RASTER_SCALE)]),
    '--timeout', String(opts.timeoutMs),
    '--wait-until', 'networkidle',
    ...(opts.dark ? ['--dark'] : []),
  ]
}

/**
 * Slidev's exporter takes a browser path but no browser flags. On POSIX systems we hand it a small
 * wrapper that adds ours: no background networking, updates, sync or first-run work, so an export
 * sends nothing anywhere but to its own local server.
 */
async function quietBrowser(browser: string): Promise<{ path: string, stop: () => Promise<void>, dispose: () => Promise<void> }> {
  if (process.platform === 'win32')
    return { path: browser, stop: async () => {}, dispose: async () => {} }
  const dir = await mkdtemp(join(tmpdir(), 'notedeck-browser-'))
  const path = join(dir, 'chromium')
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
  const args = [...CHROMIUM_ARGS.filter(a => a !== '--no-sandbox'), OFFLINE_ARG].map(quote).join(' ')
  // The browser runs in a process group of its own (Playwright starts it detached); its pid is
  // recorded so that an export we stop takes the browser down with it.
  await writeFile(path, `#!/bin/sh\necho $$ > ${quote(join(dir, 'pid'))}\nexec ${quote(browser)} ${args} "$@"\n`)
  await chmod(path, 0o755)
  const stop = async () => {
    const pid = Number(await readFile(join(dir, 'pid'), 'utf8').catch(() => ''))
    if (pid > 1) {
      try {
        process.kill(-pid, 'SIGKILL')
      }
      catch {}
    }
  }
  return { path, stop, dispose: () => rm(dir, { recursive: true, force: true }) }
}

/** Exports, and exports once more if the first PDF came out blank. */
export async function exportDeck(opts: ExportOptions): Promise<{ output: string, bytes: number }> {
  const first = await exportOnce(opts)
  if (first !== 'blank')
    return first
  const second = await exportOnce(opts)
  if (second !== 'blank')
    return second
  throw new NotedeckError('EXPORT_FAILED', `the PDF came out blank twice (${opts.pages} pages); the previous PDF was left in place`, { hint: 'run the export again; if it persists, run `npm run check` to see whether the slides render' })
}

/** Bytes written at `path`: a file's size, or the sum over a folder's files. */
async function sizeOf(path: string): Promise<number> {
  const s = await stat(path).catch(() => undefined)
  if (!s?.isDirectory())
    return s?.size ?? 0
  const sizes = await Promise.all((await readdir(path)).map(f => stat(join(path, f)).then(x => x.size)))
  return sizes.reduce((a, b) => a + b, 0)
}

/** One export to a temporary file (or folder), put in place of the output only when it is not blank. */
async function exportOnce(opts: ExportOptions): Promise<{ output: string, bytes: number } | 'blank'> {
  const output = resolve(opts.output)
  await mkdir(dirname(output), { recursive: true })
  const tmp = opts.format === 'png' ? tempPathFor(output) : `${tempPathFor(output)}.${opts.format}`
  const browser = await quietBrowser(opts.browser)
  try {
    const result = await runSlidev(exportArgs({ ...opts, browser: browser.path }, tmp), { cwd: dirname(resolve(opts.slides)), timeoutMs: opts.timeoutMs + EXPORT_OVERHEAD_MS })
    if (result.timedOut || result.code !== 0)
      await browser.stop()
    if (result.timedOut)
      throw new NotedeckError('EXPORT_FAILED', `the export did not finish in ${Math.round((opts.timeoutMs + EXPORT_OVERHEAD_MS) / 1000)} s and was stopped`, { hint: 'raise it with --timeout <ms>' })
    const size = await sizeOf(tmp)
    if (result.code !== 0 || size === 0) {
      throw new NotedeckError('EXPORT_FAILED', `Slidev's export failed (exit ${result.code ?? result.signal})\n${lastLines(result.output)}`, { hint: `browser used: ${opts.browser}` })
    }
    if (opts.format === 'pdf' && size < opts.pages * BLANK_BYTES_PER_PAGE)
      return 'blank'
    await replacePath(tmp, output)
    return { output, bytes: size }
  }
  finally {
    await rm(tmp, { recursive: true, force: true })
    await browser.dispose()
  }
}

/** dist/slides.pdf, dist/slides-dark.pptx, dist/slides-png/ … */
export function defaultOutput(root: string, format: ExportFormat, dark: boolean): string {
  const name = `slides${dark ? '-dark' : ''}`
  return join(root, 'dist', format === 'png' ? `${name}-png` : `${name}.${format}`)
}
