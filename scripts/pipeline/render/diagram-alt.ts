/**
 * What each diagram shows, as text: the alternative a screen reader reads and a tagged PDF keeps
 * for the figure. Made from the same notes as the diagram (periods with their years, the steps of
 * a flow in order, a classification's branches), in the deck's language. Pure.
 */
import type { Diagram, FlowNodes, Lang, Period, TreeNode } from '../types'

const WORDS = {
  zh: { timeline: '时间线', flow: '流程', tree: '分类', diagram: '图表', colon: '：', sep: '；', list: '、', open: '（', close: '）' },
  en: { timeline: 'Timeline', flow: 'Flow', tree: 'Classification', diagram: 'Diagram', colon: ': ', sep: '; ', list: ', ', open: ' (', close: ')' },
} as const

/** One line: labels may hold the line breaks the diagram wraps them at. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim()

/** What the diagram shows, as text, in the deck's language. */
export function diagramAlt(d: Diagram, lang: Lang): string {
  return d.kind === 'timeline' ? timelineAlt(d.periods, lang) : d.kind === 'flow' ? flowAlt(d.nodes, lang) : treeAlt(d.root, lang)
}

export function timelineAlt(periods: Period[], lang: Lang): string {
  const w = WORDS[lang]
  return `${w.timeline}${w.colon}${periods.map(p => p.end ? `${flat(p.name)}${w.open}${p.start}–${p.end}${w.close}` : `${flat(p.name)}${w.colon}${flat(p.description)}`).join(w.sep)}`
}

export function flowAlt({ start, steps, end }: FlowNodes, lang: Lang): string {
  const w = WORDS[lang]
  return `${w.flow}${w.colon}${[start, ...steps, end].filter((s): s is string => Boolean(s)).map(flat).join(' → ')}`
}

export function treeAlt(root: TreeNode, lang: Lang): string {
  const w = WORDS[lang]
  const branch = (n: TreeNode): string => (n.children.length ? `${flat(n.label)}${w.colon}${n.children.map(c => c.children.length ? `${flat(c.label)}${w.open}${c.children.map(branch).join(w.list)}${w.close}` : flat(c.label)).join(w.list)}` : flat(n.label))
  return `${w.tree}${w.colon}${flat(root.label)} — ${root.children.map(branch).join(w.sep)}`
}

/** A diagram written in the notes themselves: its kind, from Mermaid's first keyword. */
export function notesDiagramAlt(code: string, lang: Lang): string {
  const kind = /^\s*(?:%%.*\n\s*)*([A-Za-z-]+)/.exec(code)?.[1]
  const w = WORDS[lang]
  return kind ? `${w.diagram}${w.open}${kind}${w.close}` : w.diagram
}
