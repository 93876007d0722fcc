// The modules of scripts/ import each other without circles (type-only and lazy imports included),
// and only the command line's entry loads the commands.
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../scripts/core/paths'

const dir = join(ROOT, 'scripts')
const modules = readdirSync(dir, { recursive: true }).map(String).filter(f => /\.(?:ts|mjs|js)$/.test(f) && !/(?:^|\/)zz-/.test(f))
const key = (file: string) => file.replace(/\.(?:ts|js|mjs)$/, '')
/** Each module (by its path under scripts/, without extension) and the modules it imports. */
const graph = new Map(modules.map((f) => {
  const source = readFileSync(join(dir, f), 'utf8')
  const deps = [...source.matchAll(/(?:from|import\()\s*'(\.\.?\/[\w./-]+)'/g)]
    .map(m => key(normalize(join(dirname(f), m[1]!))))
    .filter(d => !d.endsWith('.json'))
  return [key(f), [...new Set(deps)]] as const
}))

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
})
