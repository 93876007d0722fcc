/**
 * What a handout shows beside each slide: read back from the generated slides file (so hand-written
 * extra slides are included, and the slide count is the PDF's page count). Pure.
 */
import { parseSync } from '@slidev/parser'
import MarkdownIt from 'markdown-it'

export interface HandoutSlide {
  /** 1-based slide number, as in the slides PDF. */
  no: number
  title: string
  /** Outline depth: 1 for a section, 2 for a subsection; undefined for a plain slide. */
  level: number | undefined
  /** The speaker notes as HTML: Markdown rendered without raw HTML, unsafe links dropped. */
  notesHtml: string
  /** Line in the notes the slide comes from, for messages. */
  notesLine: number | undefined
  /** Seconds of the talk planned for it (the slide's `budget`), when it has one. */
  budget: number | undefined
}

export interface HandoutContent {
  title: string
  slides: HandoutSlide[]
}

// Same renderer family as Slidev's presenter notes; `html: false` writes any tag in the notes as text,
// and markdown-it's link validation drops javascript:, vbscript:, file: and data: links.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false })

export function handoutContent(slidesMarkdown: string, file = 'slides.md'): HandoutContent {
  const { slides } = parseSync(slidesMarkdown, file)
  const first = slides[0]
  const title = String(first?.frontmatter.title ?? first?.title ?? '').trim()
  // A slide under a section heading of the same name (the section's first content slide) would
  // repeat that outline entry; it gets no heading of its own.
  let parent: { title: string, level: number } | undefined
  return {
    title,
    slides: slides.map((s, i) => {
      const name = (s.title ?? '').trim() || (i === 0 ? title : '')
      let level = typeof s.frontmatter.level === 'number' && i > 0 ? s.frontmatter.level : undefined
      if (level !== undefined && parent && parent.title === name && parent.level < level)
        level = undefined
      else if (level !== undefined)
        parent = { title: name, level }
      const line = s.frontmatter.notesLine
      return {
        no: i + 1,
        title: name,
        level,
        notesHtml: s.note?.trim() ? md.render(s.note.trim()) : '',
        notesLine: typeof line === 'number' ? line : undefined,
        budget: typeof s.frontmatter.budget === 'number' && s.frontmatter.budget > 0 ? s.frontmatter.budget : undefined,
      }
    }),
  }
}
