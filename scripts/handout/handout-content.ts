/**
 * What a handout shows beside each slide, from the deck generation made (hand-written extra slides
 * included, so the slide count is the PDF's page count). Pure.
 */
import MarkdownIt from 'markdown-it'
import type { Deck } from '../pipeline/types'
import { shownTitle } from '../export/outline'

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

export function handoutContent(deck: Deck): HandoutContent {
  const { title } = deck
  // A slide under a section heading of the same name (the section's first content slide) would
  // repeat that outline entry; it gets no heading of its own.
  let parent: { title: string, level: number } | undefined
  return {
    title,
    slides: deck.slides.map((s, i) => {
      const name = shownTitle(s).trim() || (i === 0 ? title : '')
      let level = i > 0 ? s.level : undefined
      if (level !== undefined && parent && parent.title === name && parent.level < level)
        level = undefined
      else if (level !== undefined)
        parent = { title: name, level }
      return {
        no: s.no,
        title: name,
        level,
        notesHtml: s.notes.trim() ? md.render(s.notes.trim()) : '',
        notesLine: s.line,
        budget: s.budget,
      }
    }),
  }
}
