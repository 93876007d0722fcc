/**
 * The diagrams derived from the notes, as the planner decides them: a timeline of periods, a flow
 * of steps, a tree of a classification, each with its direction and the width its labels are
 * wrapped at (Mermaid wraps only at spaces, mermaid-js/mermaid#4950). render/mermaid.ts writes
 * them. Pure.
 */
import type { Diagram, FlowNodes, Period, TreeNode } from '../types'

/**
 * Display units per label line (a CJK character is 2 units); the terms of a top-down tree share
 * `treeRow` units side by side, each wrapped at `treeLeafMin` units at the narrowest.
 */
export const WRAP = { timelineName: 14, timelineText: 18, flowStep: 14, tree: 12, treeLeafMin: 8, treeRow: 60 }
/** Terms side by side in a top-down tree before it turns left-to-right. */
export const TREE_TB_MAX_LEAVES = 7
/** Boxes in a row before a flow turns top-down. */
export const FLOW_LR_MAX_NODES = 5

export function timelinePlan(periods: Period[]): Diagram {
  return { kind: 'timeline', periods, wrap: { name: WRAP.timelineName, text: WRAP.timelineText } }
}

export function flowPlan(nodes: FlowNodes): Diagram {
  const count = nodes.steps.length + (nodes.start ? 1 : 0) + (nodes.end ? 1 : 0)
  return { kind: 'flow', nodes, direction: count > FLOW_LR_MAX_NODES ? 'TB' : 'LR', wrap: WRAP.flowStep }
}

const leaves = (n: TreeNode): number => (n.children.length ? n.children.reduce((s, c) => s + leaves(c), 0) : 1)

/**
 * A classification as a tree: the root, its groups, their terms. Top-down while the terms fit side
 * by side on a slide, left-to-right (terms stacked) beyond that; terms side by side share the
 * slide's width: the more there are, the narrower each is wrapped.
 */
export function treePlan(root: TreeNode): Diagram {
  const n = leaves(root)
  return {
    kind: 'tree',
    root,
    direction: n <= TREE_TB_MAX_LEAVES ? 'TB' : 'LR',
    wrap: WRAP.tree,
    leafWrap: Math.max(WRAP.treeLeafMin, Math.min(WRAP.tree, Math.floor(WRAP.treeRow / n))),
  }
}
