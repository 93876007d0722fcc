/** Text measurement and wrapping by display width: a CJK character counts 2, other characters 1. */
import type { Nodes, Paragraph } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { charWidth, displayWidth } from './char-width'

/** Characters that must not start a line (CJK line-breaking rules, simplified). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕…—,.;:?!)]}%'.split(''))
/** Characters that must not end a line. */
const NO_LINE_END = new Set('（《「『【〔([{'.split(''))

/**
 * The text of `node` as the lines it breaks itself into (a hard line break, an HTML `<br>`), each
 * as plainText would give it: what a slide shows on separate lines before any wrapping. `code`
 * gives the text of inline code (the planner marks it, to measure it in the code font).
 */
export function plainLines(node: Nodes, code: (value: string) => string = v => v): string[] {
  const out: string[] = ['']
  const walk = (n: Nodes) => {
    if (n.type === 'break' || (n.type === 'html' && /^<br\s*\/?>$/i.test(n.value.trim())))
      out.push('')
    else if (n.type === 'inlineCode')
      out[out.length - 1] += code(n.value)
    else if ('children' in n)
      (n.children as Nodes[]).forEach(walk)
    else if (n.type !== 'image')
      out[out.length - 1] += toString(n)
  }
  walk(node)
  return out.map(l => l.replace(/\s+/g, ' ').trim())
}

export function plainText(nodes: Nodes | Nodes[]): string {
  const list = Array.isArray(nodes) ? nodes : [nodes]
  return list.map(n => toString(n, { includeImageAlt: false })).join(' ').replace(/\s+/g, ' ').trim()
}

/** Splits text into units that may not be broken: runs of non-wide, non-space characters, single wide characters, spaces. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]+|./gsu) ?? []
}

/**
 * The text of a paragraph of plain text only (no emphasis, code, links or breaks), trimmed, when it
 * is at most `max` columns wide: a line that can be shown elsewhere (a subtitle, a tile) without
 * losing anything.
 */
export function shortPlainText(paragraph: Paragraph, max: number): string | undefined {
  if (!paragraph.children.every(c => c.type === 'text'))
    return undefined
  const text = plainText(paragraph).trim()
  return text && displayWidth(text) <= max ? text : undefined
}

/**
 * Wraps text into lines of at most `max` display units. Breaks between CJK characters and at
 * spaces; a Latin word longer than a line is broken hard. Keeps CJK punctuation off line starts.
 * `measure` gives the width of a piece of text (default: display units; budget.ts passes px).
 * `hang`: punctuation that may not start a line hangs past the end (our own wrapping, in diagram
 * labels); without it, the character before moves down with it, as browsers lay out CJK text.
 */
export function wrapText(text: string, max: number, measure: (s: string) => number = displayWidth, hang = true): string[] {
  const lines: string[] = []
  let line = ''
  let width = 0 // display width of `line`, kept as we go
  const push = () => {
    const t = line.trimEnd()
    if (t)
      lines.push(t)
    line = ''
    width = 0
  }
  const add = (s: string, w: number) => {
    line += s
    width += w
  }
  for (const tok of tokens(text.replace(/\s+/g, ' ').trim())) {
    if (tok === ' ') {
      if (line)
        add(' ', measure(' '))
      continue
    }
    const w = measure(tok)
    // An opening bracket past the first third of a line starts the next line: "预训练<br>（学习世界知识）".
    if (tok.length === 1 && NO_LINE_END.has(tok) && width * 3 >= max) {
      push()
      add(tok, w)
      continue
    }
    if (width + w <= max) {
      add(tok, w)
      continue
    }
    if (tok.length === 1 && NO_LINE_START.has(tok) && line) {
      if (hang) {
        add(tok, w) // hanging punctuation: better a little wide than a line starting with '，'
        continue
      }
      // As a browser does: the character before the punctuation goes to the next line with it.
      const last = [...line].at(-1)!
      line = line.slice(0, -last.length)
      width -= measure(last)
      push()
      add(last + tok, measure(last) + w)
      continue
    }
    if (w > max) {
      // Longer than a line: it starts a line of its own, then breaks where the line ends (as
      // `overflow-wrap: break-word` breaks it: only where no better break is left).
      if (line.trim())
        push()
      for (const ch of tok) {
        const cw = measure(ch)
        if (width + cw > max)
          push()
        add(ch, cw)
      }
      continue
    }
    const last = [...line].at(-1)
    if (last && NO_LINE_END.has(last)) {
      line = line.slice(0, -last.length)
      push()
      add(last + tok, measure(last) + w)
      continue
    }
    push()
    add(tok, w)
  }
  push()
  return lines
}

/** Splits a paragraph into sentences, keeping the end punctuation. */
export function sentences(text: string): string[] {
  const parts = text.match(/[^。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+/gu) ?? []
  const out: string[] = []
  for (const p of parts) {
    // A Latin '.' ends a sentence only before a space; keep 'e.g.' and '3.5' together.
    for (const s of p.split(/(?<=\.)\s+(?=[A-Z\p{Script=Han}])/u)) {
      const t = s.trim()
      if (t)
        out.push(t)
    }
  }
  return out
}

/** Pieces of text (sentences, phrases) joined again: a space between two Latin ends, none beside CJK. */
export function joinText(parts: readonly string[]): string {
  return parts.reduce((out, p) => (out && /[\x21-\x7E]$/.test(out) && /^[\x21-\x7E]/.test(p) ? `${out} ${p}` : out + p), '')
}

/**
 * `text` in pieces to split a paragraph between: its sentences, and a sentence too long for `fits`
 * alone in phrases of at most `width` display columns (cut at spaces, or between CJK characters).
 */
export function splitUnits(text: string, fits: (piece: string) => boolean, width = 40): string[] {
  return sentences(text).flatMap(s => (fits(s) ? [s] : wrapText(s, width)))
}

/**
 * Longer runs than this are not words but addresses and identifiers, which the slides break
 * (`overflow-wrap: break-word`) wherever they must.
 */
export const WORD_MAX = 24
