/**
 * Mermaid text for the diagrams the planner derived from the notes (plan/diagram-plan.ts): a
 * timeline of periods, a flow of steps, a tree of a classification. Labels are wrapped at the
 * widths the plan gives, by display width, and escaped so that no text from the notes is read as
 * Mermaid syntax. Pure.
 */
import type { Diagram } from '../types'
import { COLORS } from '../geometry'

const C = COLORS.diagram
import { displayWidth } from '../char-width'
import { wrapText } from '../text'

/**
 * The timeline grammar has no escapes: `:` starts an event, `#` and `;` end the text, `%%` a comment.
 * Those become their full-width forms, and angle brackets too, so nothing is read as markup.
 */
function timelineText(s: string): string {
  return s.replace(/:/g, '：').replace(/;/g, '；').replace(/#/g, '＃').replace(/%/g, '％').replace(/</g, '＜').replace(/>/g, '＞').replace(/`/g, '｀')
}

/** Inside a quoted flowchart or mindmap label Mermaid decodes `#name;` entity codes. */
function quotedText(s: string): string {
  return s.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/`/g, '#96;')
}

/** A last line this short (one CJK character, two letters) goes back onto the line before, when that stays within ORPHAN_SLACK more. */
const ORPHAN_UNITS = 2
const ORPHAN_SLACK = 2

/**
 * `s` wrapped at `width`, with no character alone on its last line (`多模态大模<br>型`). Mermaid
 * rejects an empty label: an empty heading or item is drawn as a dash.
 */
function wrapped(s: string, width: number, escape: (t: string) => string): string {
  const lines = wrapText(s, width)
  const [last, before] = [lines.at(-1), lines.at(-2)]
  if (last !== undefined && before !== undefined && displayWidth(last) <= ORPHAN_UNITS && displayWidth(before + last) <= width + ORPHAN_SLACK)
    lines.splice(-2, 2, before + last)
  return lines.map(escape).join('<br>') || '—'
}

type Of<K extends Diagram['kind']> = Extract<Diagram, { kind: K }>

/** The diagram as Mermaid text. */
export function mermaidOf(d: Diagram): string {
  return d.kind === 'timeline' ? timelineDiagram(d) : d.kind === 'flow' ? flowDiagram(d) : treeDiagram(d)
}

function timelineDiagram({ periods, wrap }: Of<'timeline'>): string {
  const lines = ['timeline']
  for (const p of periods) {
    const name = wrapped(p.name, wrap.name, timelineText)
    const range = p.end ? `<br>${timelineText(`${p.start}–${p.end}`)}` : ''
    const text = p.description ? ` : ${wrapped(p.description, wrap.text, timelineText)}` : ''
    lines.push(`  ${name}${range}${text}`)
  }
  return lines.join('\n')
}

function flowDiagram({ nodes: { start, steps, end }, direction, wrap }: Of<'flow'>): string {
  const nodes: string[] = []
  const label = (s: string) => `"${wrapped(s, wrap, quotedText)}"`
  if (start)
    nodes.push(`  n0([${label(start)}]):::ndIo`)
  steps.forEach((s, i) => nodes.push(`  n${i + 1}[${label(s)}]:::ndStep`))
  if (end)
    nodes.push(`  n${steps.length + 1}([${label(end)}]):::ndIo`)
  const ids = [...(start ? [0] : []), ...steps.map((_, i) => i + 1), ...(end ? [steps.length + 1] : [])]
  const edges = ids.slice(1).map((id, i) => `  n${ids[i]} --> n${id}`)
  return [
    `flowchart ${direction}`,
    ...nodes,
    ...edges,
    // Text colours are set with the fills: the boxes stay light on a dark deck, and so must stay readable.
    `  classDef ndIo fill:${C.ioFill},color:${C.ink},stroke:${C.ioStroke},stroke-width:2px`,
    `  classDef ndStep fill:${C.boxFill},color:${C.ink},stroke:${C.stroke},stroke-width:1.5px`,
  ].join('\n')
}

function treeDiagram({ root, direction, wrap, leafWrap }: Of<'tree'>): string {
  const topDown = direction === 'TB'
  const lines = [`flowchart ${direction}`]
  const classes = ['ndRoot', 'ndGroup', 'ndLeaf']
  let id = 0
  const walk = (node: Of<'tree'>['root'], depth: number, parent: number | undefined) => {
    const me = id++
    const shape = `["${wrapped(node.label, node.children.length || !topDown ? wrap : leafWrap, quotedText)}"]:::${classes[Math.min(depth, 2)]}`
    lines.push(parent === undefined ? `  t${me}${shape}` : `  t${parent} --- t${me}${shape}`)
    node.children.forEach(c => walk(c, depth + 1, me))
  }
  walk(root, 0, undefined)
  lines.push(
    `  classDef ndRoot fill:${C.rootFill},color:${C.rootInk},stroke:${C.rootStroke},font-weight:bold`,
    `  classDef ndGroup fill:${C.groupFill},color:${C.ink},stroke:${C.stroke},stroke-width:1.5px`,
    `  classDef ndLeaf fill:${C.boxFill},color:${C.ink},stroke:${C.leafStroke}`,
  )
  return lines.join('\n')
}
