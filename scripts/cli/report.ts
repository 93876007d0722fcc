/** What the commands print: one line per warning (file:line:col) and a summary of what was written. */
import { relative } from 'node:path'
import { formatPoint } from '../core/errors'
import type { GenerateResult } from '../pipeline/generate'

export function warningLines(result: Pick<GenerateResult, 'warnings' | 'file'>): string[] {
  return result.warnings.map((w) => {
    const where = w.where ? formatPoint(w.where) : w.span ? formatPoint({ file: result.file, line: w.span.start.line, column: w.span.start.column }) : result.file
    return `${where}: warning: ${w.message}`
  })
}

export function printGenerated(result: GenerateResult): void {
  for (const line of warningLines(result))
    console.warn(line)
  const slides = result.plan.slides.length
  console.log(`notedeck: ${result.file} -> ${relative(process.cwd(), result.out) || result.out} (${slides} slides${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length > 1 ? 's' : ''}` : ''})`)
}
