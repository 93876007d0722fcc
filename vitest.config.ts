import { basename } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'

/**
 * Seconds each of the longest test files took in a whole suite run (two at a time, this
 * 2-core machine; session 8). Only the order uses them: with two workers the run ends when the
 * longest files, started first, are done, so a long file must never start late (a cold clone has
 * no timing cache of vitest's to sort by, a warm one can hold timings of older versions).
 */
export const LONGEST: Record<string, number> = {
  'decks.e2e.test.ts': 168,
  'layout-fuzz.e2e.test.ts': 131,
  'check.e2e.test.ts': 134,
  'concurrency.e2e.test.ts': 95,
  'formats.e2e.test.ts': 50,
  'export.e2e.test.ts': 39,
  'export-failures.e2e.test.ts': 39,
  'nothing-lost.e2e.test.ts': 70,
  'fuzz.test.ts': 27, // the longest unit file: not last
}

/** The longest files first, then the other end-to-end files, then the other unit files (each group in vitest's own order). */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const weight = (f: TestSpecification) => LONGEST[basename(f.moduleId)] ?? 0
    const e2e = (f: TestSpecification) => f.moduleId.endsWith('.e2e.test.ts')
    const known = sorted.filter(f => weight(f) > 0).sort((a, b) => weight(b) - weight(a))
    return [...known, ...sorted.filter(f => !weight(f) && e2e(f)), ...sorted.filter(f => !weight(f) && !e2e(f))]
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
    sequence: { sequencer: LongestFirst },
    // Loaded by Node itself, as outside the tests: the editable PowerPoint wraps the pptxgenjs class
    // Slidev's exporter imports, so the tests must get that same module, not a copy of their own
    // (vitest would otherwise transform its ES build, which Node reads as ESM without "type": "module").
    server: { deps: { external: [/\/node_modules\/pptxgenjs\//] } },
  },
})
