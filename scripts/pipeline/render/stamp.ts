/**
 * The generated-file header: slides.md records a hash of its own body, so notedeck can tell a file
 * it wrote from one that was edited by hand since (and never overwrite the edits silently). Pure.
 */
import { createHash } from 'node:crypto'

const STAMP = /^# notedeck-hash: ([0-9a-f]{16})\n/m

const hashOf = (body: string) => createHash('sha256').update(body).digest('hex').slice(0, 16)

/** Puts the hash line right after the opening `---` of the headmatter. */
export function stamp(markdown: string): string {
  const body = markdown.replace(/^---\n/, '')
  return `---\n# notedeck-hash: ${hashOf(body)}\n${body}`
}

export type Provenance = 'generated' | 'edited' | 'foreign'

/** Whether a slides file is as notedeck wrote it, was edited since, or was never written by notedeck. */
export function provenance(markdown: string): Provenance {
  const m = STAMP.exec(markdown)
  if (!m || m.index !== 4)
    return 'foreign'
  const body = markdown.slice(0, m.index) === '---\n' ? markdown.slice(m.index + m[0].length) : ''
  return hashOf(body) === m[1] ? 'generated' : 'edited'
}
