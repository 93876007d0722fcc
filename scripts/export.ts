/** The export command: Slidev's exporter with a located browser, a time limit, and an atomic PDF. */
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { CHROMIUM_ARGS, OFFLINE_ARG } from './browser'
import { NotedeckError } from './errors'
import { runSlidev } from './slidev'
import { tempPathFor } from './write'

/** Time for Slidev to start (Vite, the browser) on top of the page-rendering timeout. */
export const EXPORT_OVERHEAD_MS = 30_000

export interface ExportOptions {
  /** The generated slides.md to export. */
  slides: string
  output: string
  browser: string
  timeoutMs: number
  dark: boolean
}

/** Slidev's arguments for an export to `tmpOutput`. Pure. */
export function exportArgs(opts: ExportOptions, tmpOutput: string): string[] {
  return [
    'export',
    basename(opts.slides),
    '--output', tmpOutput,
    '--format', 'pdf',
    '--executable-path', opts.browser,
    '--with-toc',
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

export async function exportPdf(opts: ExportOptions): Promise<{ output: string, bytes: number }> {
  const output = resolve(opts.output)
  await mkdir(dirname(output), { recursive: true })
  const tmp = `${tempPathFor(output)}.pdf`
  const browser = await quietBrowser(opts.browser)
  try {
    const result = await runSlidev(exportArgs({ ...opts, browser: browser.path }, tmp), { cwd: dirname(resolve(opts.slides)), timeoutMs: opts.timeoutMs + EXPORT_OVERHEAD_MS })
    if (result.timedOut || result.code !== 0)
      await browser.stop()
    if (result.timedOut)
      throw new NotedeckError('EXPORT_FAILED', `the export did not finish in ${Math.round((opts.timeoutMs + EXPORT_OVERHEAD_MS) / 1000)} s and was stopped`, { hint: 'raise it with --timeout <ms>' })
    const size = await stat(tmp).then(s => s.size, () => 0)
    if (result.code !== 0 || size === 0) {
      const tail = result.output.trim().split('\n').slice(-12).join('\n')
      throw new NotedeckError('EXPORT_FAILED', `Slidev's export failed (exit ${result.code ?? result.signal})\n${tail}`, { hint: `browser used: ${opts.browser}` })
    }
    await rename(tmp, output)
    return { output, bytes: size }
  }
  finally {
    await rm(tmp, { force: true })
    await browser.dispose()
  }
}

export const defaultPdfPath = (root: string) => join(root, 'dist', 'slides.pdf')
