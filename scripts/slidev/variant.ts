/**
 * The dark variant of a generated deck: the same slides with `colorSchema: dark` in the headmatter
 * (Slidev honours a configured colour schema over the browser's, so exporting with `--dark` alone
 * would keep a light deck light). Written beside the slides file, hidden, for export only.
 */
import { basename, dirname, join } from 'node:path'
import { NotedeckError } from '../core/errors'
import { COLOR_SCHEMA_LINE } from './slidev-internals'
import { writeAtomic } from '../core/write'

/** The generated markdown with its headmatter's colour schema set. Pure. */
export function withColorSchema(markdown: string, schema: 'light' | 'dark'): string {
  const end = markdown.indexOf('\n---\n', 4)
  if (!markdown.startsWith('---\n') || end < 0)
    throw new NotedeckError('EXPORT_FAILED', 'the slides file has no headmatter to set the colour schema in')
  const head = markdown.slice(0, end)
  const line = COLOR_SCHEMA_LINE
  const next = line.test(head) ? head.replace(line, `colorSchema: ${schema}`) : `${head}\ncolorSchema: ${schema}`
  return next + markdown.slice(end)
}

export function darkSlidesPath(slides: string): string {
  return join(dirname(slides), `.notedeck-${basename(slides, '.md').replace(/^\.notedeck-/, '').replace(/\.slides$/, '')}-dark.slides.md`)
}

/** Writes the dark variant of the generated `markdown` beside `slides`; returns its path. */
export async function writeDarkVariant(slides: string, markdown: string): Promise<string> {
  const path = darkSlidesPath(slides)
  await writeAtomic(path, withColorSchema(markdown, 'dark'))
  return path
}
