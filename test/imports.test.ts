// Loading a module runs nothing: only the entry files (the command line, the benchmark, the set-up
// and the metrics reader when run as scripts) act when loaded.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../scripts/core/paths'

const ENTRIES = new Set(['cli/cli.ts', 'tools/bench.ts', 'setup.mjs'])
const modules = readdirSync(join(ROOT, 'scripts'), { recursive: true }).map(String).filter(f => /\.(?:ts|js|mjs)$/.test(f) && !ENTRIES.has(f) && !/(?:^|\/)zz-/.test(f))

describe('importing a module of scripts/', () => {
  it('prints nothing and sets no exit code, for every module', () => {
    const code = `for (const f of ${JSON.stringify(modules)}) await import('./scripts/' + f)`
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('')
    expect(r.status).toBe(0)
  }, 60_000)

  it('the check can fail: the command line\'s entry does run when imported', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `await import('./scripts/cli/cli.ts')`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(r.stdout).toContain('notedeck: structured Markdown notes')
    expect(r.status).toBe(2)
  }, 60_000)
})
