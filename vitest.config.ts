import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 180_000,
    // The end-to-end tests start Slidev and Chromium: one file at a time keeps a 2-core machine responsive.
    fileParallelism: false,
  },
})
