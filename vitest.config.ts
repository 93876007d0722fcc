import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 180_000,
    // Two files at a time on a 2-core machine: the end-to-end files spend part of their time waiting
    // (on a browser, on LibreOffice, on a time limit under test), so a second file fills it.
    maxWorkers: 2,
  },
})
