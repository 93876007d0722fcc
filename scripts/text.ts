/** Text measurement and wrapping by display width: a CJK character counts 2, other characters 1. */
import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u

/** Characters that must not start a line (CJK line-breaking rules, simplified). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕…—,.;:?!)]}%'.split(''))
/** Characters that must not end a line. */
const NO_LINE_END = new Set('（《「『【〔([{'.split(''))

export function charWidth(ch: string): 1 | 2 {
  return WIDE.test(ch) ? 2 : 1
}

export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text)
    w += charWidth(ch)
  return w
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
 * Wraps text into lines of at most `max` display units. Breaks between CJK characters and at
 * spaces; a Latin word longer than a line is broken hard. Keeps CJK punctuation off line starts.
 */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = []
  let line = ''
  const push = () => {
    const t = line.trimEnd()
    if (t)
      lines.push(t)
    line = ''
  }
  for (const tok of tokens(text.replace(/\s+/g, ' ').trim())) {
    if (/^\s+$/.test(tok)) {
      if (line)
        line += ' '
      continue
    }
    // An opening bracket past the first third of a line starts the next line: "预训练<br>（学习世界知识）".
    if (tok.length === 1 && NO_LINE_END.has(tok) && displayWidth(line) * 3 >= max) {
      push()
      line = tok
      continue
    }
    if (displayWidth(line) + displayWidth(tok) <= max) {
      line += tok
      continue
    }
    if (tok.length === 1 && NO_LINE_START.has(tok) && line) {
      line += tok // hanging punctuation: better a little wide than a line starting with '，'
      continue
    }
    if (displayWidth(tok) > max) {
      for (const ch of tok) {
        if (displayWidth(line) + charWidth(ch) > max)
          push()
        line += ch
      }
      continue
    }
    const last = [...line].at(-1)
    if (last && NO_LINE_END.has(last)) {
      line = line.slice(0, -last.length)
      push()
      line = last + tok
      continue
    }
    push()
    line = tok
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
    for (const s of p.split(/(?<=\.)\s+(?=[A-Z])/u)) {
      const t = s.trim()
      if (t)
        out.push(t)
    }
  }
  return out
}
