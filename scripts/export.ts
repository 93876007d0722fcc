/** The export command: Slidev's exporter with a located browser, a time limit, and an atomic PDF. */
import { rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { NotedeckError } from './errors'
import { runSlidev } from './slidev'
import { tempPathFor } from './write'
import { mkdir } from 'node:fs/promises'

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

export async function exportPdf(opts: ExportOptions): Promise<{ output: string, bytes: number }> {
  const output = resolve(opts.output)
  await mkdir(dirname(output), { recursive: true })
  const tmp = `${tempPathFor(output)}.pdf`
  try {
    const result = await runSlidev(exportArgs(opts, tmp), { cwd: dirname(resolve(opts.slides)), timeoutMs: opts.timeoutMs + 60_000 })
    if (result.timedOut)
      throw new NotedeckError('EXPORT_FAILED', `the export did not finish in ${Math.round((opts.timeoutMs + 60_000) / 1000)} s and was stopped`, { hint: 'raise it with --timeout <ms>' })
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
  }
}

export const defaultPdfPath = (root: string) => join(root, 'dist', 'slides.pdf')
