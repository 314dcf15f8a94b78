import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'

/**
 * The admin's browser journeys: the test files that start the CMS with Next (startAdminServer in
 * test/helpers/browser.ts). `npm run test:mongodb` sets JEC_SKIP_ADMIN_BROWSER_TESTS: they drive
 * React views over the same REST API that the MongoDB half tests directly, and their admin servers
 * (20–35 s each, one at a time) took ~360 s of that half, which the CI's 30 minutes could not hold
 * (2,002 s with them). Found by content, so a new journey is covered without being listed.
 */
const adminBrowserTests = () =>
  fs
    .readdirSync('test', { recursive: true })
    .filter((file) => file.endsWith('.spec.ts') && fs.readFileSync(path.join('test', file), 'utf8').includes('startAdminServer('))
    .map((file) => `<rootDir>/test/${file}`)

/**
 * Payload is ESM-only, so Jest runs with native ESM (--experimental-vm-modules) and swc compiles
 * TypeScript to ES modules. One Payload boots per test file (test/helpers/payload.ts).
 * @type {import('jest').Config}
 */
const config = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  // Jest's default on 2 cores is one worker (cores − 1), which left a core idle while files waited
  // on SQLite, child processes, Next's compiler and Chromium: two workers on the CI machine.
  maxWorkers: 2,
  moduleNameMapper: {
    '\\.(css|scss)$': '<rootDir>/test/helpers/emptyModule.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@collections/(.*)$': '<rootDir>/collections/$1',
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@plugins/(.*)$': '<rootDir>/plugins/$1',
  },
  roots: ['<rootDir>/src', '<rootDir>/collections', '<rootDir>/plugins', '<rootDir>/test'],
  setupFiles: ['<rootDir>/test/helpers/environment.ts'],
  testEnvironment: 'node',
  // Lexical's default Node entry points wrap their code in a top-level await that can leave the
  // import unsettled on Node 20 (the process then exits silently); the development condition
  // resolves straight to the plain modules. See docs/architecture.md.
  testEnvironmentOptions: { customExportConditions: ['development', 'node', 'node-addons'] },
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.JEC_SKIP_ADMIN_BROWSER_TESTS ? adminBrowserTests() : [])],
  testTimeout: 60_000,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'es6' },
      },
    ],
  },
  // Each ESM test file imports Payload, Next and Lexical afresh into its own VM context, and Jest
  // cannot free them: run in band, one process grew past 2.4 GB within 15 files and slowed as it
  // grew (CI: 2,042 s for the SQLite suite; health probes stalled 1.8 s in GC pauses).
  // A memory limit makes Jest run files in a worker and replace it once it holds more than this.
  // At 1.5 GiB a worker near the limit paused 560 ms in garbage collection, twice in a row, while a
  // hostile case allocated 900 kB strings (CI, 2026-12-03): the health budget is 200 ms.
  workerIdleMemoryLimit: '1GiB',
}

export default config
