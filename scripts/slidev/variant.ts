/**
 * Where the dark variant of a generated deck is written: the same slides rendered with
 * `colorSchema: dark` in the headmatter (generate's `variant('dark')`; Slidev honours a configured
 * colour schema over the browser's, so exporting with `--dark` alone would keep a light deck
 * light), beside the slides file, hidden, for export and check only.
 */
import { basename, dirname, join } from 'node:path'
import { writeAtomic } from '../core/write'

export function darkSlidesPath(slides: string): string {
  return join(dirname(slides), `.notedeck-${basename(slides, '.md').replace(/^\.notedeck-/, '').replace(/\.slides$/, '')}-dark.slides.md`)
}

/** Writes the dark variant `markdown` (rendered dark) beside `slides`; returns its path. */
export async function writeDarkVariant(slides: string, markdown: string): Promise<string> {
  const path = darkSlidesPath(slides)
  await writeAtomic(path, markdown)
  return path
}
