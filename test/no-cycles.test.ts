// The modules of scripts/ import each other without circles (type-only and lazy imports included).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../scripts/paths'

const dir = join(ROOT, 'scripts')
const modules = readdirSync(dir).filter(f => /\.(?:ts|mjs|js)$/.test(f) && !f.startsWith('zz-'))
const key = (spec: string) => spec.replace(/^\.\//, '').replace(/\.(?:ts|js|mjs)$/, '')
const graph = new Map(modules.map((f) => {
  const source = readFileSync(join(dir, f), 'utf8')
  const deps = [...source.matchAll(/(?:from|import\()\s*'(\.\/[\w.-]+)'/g)].map(m => key(m[1]!))
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
  it('have no circles', () => {
    expect(graph.size).toBeGreaterThan(40)
    expect(cycles().map(c => c.join(' -> '))).toEqual([])
  })
})
