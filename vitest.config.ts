import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Extraction of the whole corpus (and SQLite ingests) takes seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
