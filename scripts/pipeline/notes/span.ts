/** Source positions of mdast nodes as model spans. */
import type { Node } from 'mdast'
import type { Span } from '../types'

export function spanOf(node: Node): Span {
  const p = node.position
  return {
    start: { line: p?.start.line ?? 1, column: p?.start.column ?? 1 },
    end: { line: p?.end.line ?? 1, column: p?.end.column ?? 1 },
  }
}

export function joinSpans(a: Span, b: Span): Span {
  return { start: a.start, end: b.end }
}
