/**
 * Hand-written slides that stay in the deck: `extra-slides.md` next to the notes, in Slidev's own
 * Markdown. A slide's frontmatter may say `after: <section title>` or `before: <section title>`
 * (a top-level section of the notes); without either it goes at the end. Pure.
 */
import { parseSync } from '@slidev/parser'
import { NotedeckError } from '../../core/errors'
import type { Slide } from '../types'
import { titleOf } from './slide-title'

export interface ExtraSlide {
  /** The slide's Slidev Markdown, frontmatter included (without `after`/`before`). */
  raw: string
  after?: string
  before?: string
  line: number
  /** What the slide shows as its title (its first heading), its outline level and its speaker notes, as Slidev reads them. */
  title: string
  level?: number
  notes: string
}

export function parseExtraSlides(source: string, file: string): ExtraSlide[] {
  if (!source.trim())
    return []
  const parsed = parseSync(source.replace(/\r\n?/g, '\n'), file)
  return parsed.slides.map((s) => {
    const { after, before, ...frontmatter } = s.frontmatter as Record<string, unknown>
    for (const [key, value] of [['after', after], ['before', before]] as const) {
      if (value !== undefined && typeof value !== 'string')
        throw new NotedeckError('CONFIG_INVALID', `${key}: expected the title of a section`, { where: { file, line: s.start + 1 } })
    }
    const fm = Object.entries(frontmatter).map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    const raw = `${fm.length ? `---\n${fm.join('\n')}\n---\n` : '---\n'}\n${s.content.trim()}\n${s.note ? `\n<!--\n${s.note}\n-->\n` : ''}`
    const level = typeof frontmatter.level === 'number' ? { level: frontmatter.level } : {}
    return { raw, line: s.start + 1, title: titleOf(s.content) ?? '', ...level, notes: s.note?.trim() ?? '', ...(typeof after === 'string' ? { after } : {}), ...(typeof before === 'string' ? { before } : {}) }
  })
}

/** Index in `slides` before which an extra slide goes. */
export function placeExtra(extra: ExtraSlide, slides: Slide[], file: string): number {
  const target = extra.after ?? extra.before
  if (target === undefined)
    return slides.length
  const start = slides.findIndex(s => s.level === 1 && s.title === target)
  if (start < 0) {
    const sections = slides.filter(s => s.level === 1).map(s => `"${s.title}"`).join(', ')
    throw new NotedeckError('CONFIG_INVALID', `no section titled "${target}" for this slide`, { where: { file, line: extra.line }, hint: `sections: ${sections}` })
  }
  if (extra.before !== undefined)
    return start
  const next = slides.findIndex((s, i) => i > start && s.level === 1)
  return next < 0 ? slides.length : next
}
