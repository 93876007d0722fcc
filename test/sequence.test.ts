// The suite's order: the longest files start first (vitest.config.ts), so the run is not
// left waiting on a long file that started late. A renamed or deleted file must not silently drop
// out of that order.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LONGEST } from '../vitest.config'
import { ROOT } from '../scripts/core/paths'

const testFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap(e => e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [e.name] : [])

describe('the order of the suite', () => {
  it('names only test files that exist, each once', () => {
    const files = testFiles(join(ROOT, 'test'))
    for (const name of Object.keys(LONGEST)) {
      expect(name).toMatch(/\.test\.ts$/)
      expect(files.filter(f => f === name), name).toHaveLength(1)
    }
  })
})
