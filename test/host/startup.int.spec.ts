import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { projectRoot } from '@/lib/paths'

/** The real entry point, started with a broken configuration, must stop at once with one clear line. */
function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', SERVE_ADMIN: 'false', ...env },
    // A cold start compiles the TypeScript first; on a busy 2-core machine that took over 30 s.
    timeout: 60_000,
  })
}

describe('start-up configuration errors', () => {
  test.each([
    [{ DATABASE_URI: 'postgres://admin:s3cret@db/cms' }, /^Configuration error: DATABASE_URI must be unset .*mongodb\+srv:\/\/.*got "postgres:…"\.$/],
    [{ PORT: 'eighty' }, /^Configuration error: PORT must be a whole number of at least 0, got "eighty"\.$/],
    [{ NODE_ENV: 'production', PAYLOAD_SECRET: '' }, /^Configuration error: PAYLOAD_SECRET is required in production/],
    [{ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' }, /^Configuration error: PAYLOAD_SECRET must be at least 32 characters/],
  ])('%p exits 1 with one line', (env, message) => {
    const result = startWith(env)
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(message)
    expect(result.stderr).not.toContain('s3cret')
  }, 90_000)
})

/** Starts the entry point and resolves once it serves, with its URL; `stop()` sends SIGTERM and waits. */
function serve(env: Record<string, string>, conditions = 'development') {
  const child = spawn(process.execPath, [`--conditions=${conditions}`, '--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_OPTIONS: '', PORT: '0', RUN_JOBS: 'false', SERVE_ADMIN: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<null | number>((resolve) => child.once('exit', (code) => resolve(code)))
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = output.match(/API ready on (http:\/\/[\d.]+:\d+)\/api/)?.[1]
      if (url) {
        resolve(url)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then((code) => reject(new Error(`server exited with ${code} before serving:\n${output}`)))
  })
  return {
    ready,
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
  }
}

describe('production start on a database the development server created (finding 22)', () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jec-startup-'))
  const production = { NODE_ENV: 'production', PAYLOAD_SECRET: 'startup-test-secret-0123456789abcdef' } as const

  afterAll(() => {
    fs.rmSync(workDir, { force: true, recursive: true })
  })

  test('refuses with one line and exit 1, never a prompt, even without a terminal', async () => {
    const databaseUri = `file:${path.join(workDir, 'dev.db')}`
    // As a newcomer does: `npm run dev` first (schema push), then `npm start` on the same file.
    const development = serve({ DATABASE_URI: databaseUri, NODE_ENV: 'development', SEED_ON_START: 'false' })
    await development.ready
    await development.stop()

    const result = spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server.ts'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URI: databaseUri, NODE_OPTIONS: '', PORT: '0', RUN_JOBS: 'false', SERVE_ADMIN: 'false', ...production },
      // No terminal: Payload's prompt read stdin here and took its end for "no", then exited 0.
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    })
    expect(result.stdout).not.toMatch(/Would you like to proceed/)
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^Configuration error: the SQLite database .*dev\.db was created by the development server \(schema push\).*give production its own database, e\.g\. DATABASE_URI=file:\.\/data\/production\.db/,
    )
  }, 120_000)

  test('serves from a database of its own (the committed migrations create it)', async () => {
    const server = serve({ ...production, DATABASE_URI: `file:${path.join(workDir, 'production.db')}` }, 'production')
    const url = await server.ready
    const ready = await fetch(`${url}/readyz`)
    expect(ready.status).toBe(200)
    expect((await fetch(`${url}/api/hotlines?limit=1`)).status).toBe(200)
    expect(await server.stop()).toBe(0)
  }, 120_000)
})
