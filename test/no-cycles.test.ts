// The modules of scripts/ import each other without circles (type-only and lazy imports included),
// and only the command line's entry loads the commands.
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../scripts/core/paths'

const dir = join(ROOT, 'scripts')
const modules = readdirSync(dir, { recursive: true }).map(String).filter(f => /\.(?:ts|mjs|js)$/.test(f) && !/(?:^|\/)zz-/.test(f))
const key = (file: string) => file.replace(/\.(?:ts|js|mjs)$/, '')
/** The modules `source` (scripts/`f`) imports: all, or only those it takes values from (not `import type`). */
function importsOf(f: string, source: string, values = false): string[] {
  const found = [...source.matchAll(/(import\s+type\b[^']*?from|from|import\()\s*'(\.\.?\/[\w./-]+)'/g)]
    .filter(m => !values || !m[1]!.startsWith('import'))
    .map(m => key(normalize(join(dirname(f), m[2]!))))
    .filter(d => !d.endsWith('.json'))
  return [...new Set(found)]
}
const sources = new Map(modules.map(f => [f, readFileSync(join(dir, f), 'utf8')] as const))
/** Each module (by its path under scripts/, without extension) and the modules it imports. */
const graph = new Map([...sources].map(([f, source]) => [key(f), importsOf(f, source)] as const))
/** The same, for the modules each takes values from (functions, constants): what it runs. */
const runs = new Map([...sources].map(([f, source]) => [key(f), importsOf(f, source, true)] as const))
const edges = (g: Map<string, string[]>, from: RegExp, to: RegExp) => [...g].filter(([f]) => from.test(f)).flatMap(([f, deps]) => deps.filter(d => to.test(d)).map(d => `${f} -> ${d}`))

function cycles(): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const walk = (node: string, path: string[]) => {
    if (state.get(node) === 'done')
      return
    if (state.get(node) === 'open') {
      found.push([...path.slice(path.indexOf(node)), node])
      return
    }
    state.set(node, 'open')
    for (const next of graph.get(node) ?? [])
      walk(next, [...path, node])
    state.set(node, 'done')
  }
  for (const node of graph.keys())
    walk(node, [])
  return found
}

describe('imports between the modules of scripts/', () => {
  it('resolve to modules that exist', () => {
    expect(graph.size).toBeGreaterThan(60)
    const missing = [...graph].flatMap(([from, deps]) => deps.filter(d => !graph.has(d)).map(d => `${from} -> ${d}`))
    expect(missing).toEqual([])
  })

  it('have no circles', () => {
    expect(cycles().map(c => c.join(' -> '))).toEqual([])
  })

  it('only the entry (cli/cli.ts) loads a command', () => {
    const loaders = [...graph].flatMap(([from, deps]) => deps.filter(d => /-command$/.test(d)).map(d => `${from} -> ${d}`))
    expect(loaders.length).toBeGreaterThan(0)
    expect(loaders.filter(l => !l.startsWith('cli/cli -> '))).toEqual([])
  })

  it('the pipeline does not reach the browser, Slidev, the export or the commands', () => {
    const outside = [...graph].filter(([from]) => from.startsWith('pipeline/'))
      .flatMap(([from, deps]) => deps.filter(d => !/^(?:pipeline|core)\//.test(d)).map(d => `${from} -> ${d}`))
    expect(outside).toEqual([])
  })

  it('run one way: the plan decides, the renderer only formats', () => {
    // The planner never asks the renderer (it holds diagram specifications, not Mermaid text).
    expect(edges(graph, /^pipeline\/plan\//, /^pipeline\/render\//)).toEqual([])
    // The renderer reads the plan's types but calls none of its decisions (layouts, wraps, numbering, link targets).
    expect(edges(graph, /^pipeline\/render\//, /^pipeline\/plan\//).length).toBeGreaterThan(0)
    expect(edges(runs, /^pipeline\/render\//, /^pipeline\/(?:plan|notes)\//)).toEqual([])
  })

  it('go down the layers: Slidev\'s server knows nothing of the export, the core nothing above it', () => {
    expect(edges(graph, /^slidev\//, /^(?:export|handout|check|cli)\//)).toEqual([])
    expect(edges(graph, /^core\//, /^(?!core\/)/)).toEqual([])
  })

  it('read a slides file with Slidev\'s parser in one place only (what was planned comes from the Deck)', () => {
    const parsers = [...sources].filter(([, source]) => /\bparseSync\b/.test(source) && /'@slidev\/parser'/.test(source)).map(([f]) => key(f)).sort()
    expect(parsers).toEqual(['pipeline/notes/extra-slides', 'slidev/slidev-slides'])
  })

  it('decide where outputs go by default in one place (core/paths.ts)', () => {
    const deciders = [...sources].filter(([, source]) => /join\((?:ROOT|root),\s*'dist'/.test(source)).map(([f]) => key(f))
    expect(deciders).toEqual(['core/paths'])
  })
})
