import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'

/**
 * The end-to-end files first (each in vitest's own order: longest, else largest, first), then the
 * unit files: a short end-to-end file that mostly waits (on a time limit under test) then runs
 * beside others, and the quick unit files fill the end.
 */
class EndToEndFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const e2e = (f: TestSpecification) => f.moduleId.endsWith('.e2e.test.ts')
    return [...sorted.filter(e2e), ...sorted.filter(f => !e2e(f))]
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 180_000,
    // Two files at a time on a 2-core machine: the end-to-end files spend part of their time waiting
    // (on a browser, on LibreOffice, on a time limit under test), so a second file fills it.
    maxWorkers: 2,
    sequence: { sequencer: EndToEndFirst },
  },
})
