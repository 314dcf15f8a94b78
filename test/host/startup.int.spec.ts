import { spawnSync } from 'node:child_process'

import { projectRoot } from '@/lib/paths'

/** The real entry point, started with a broken configuration, must stop at once with one clear line. */
function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', SERVE_ADMIN: 'false', ...env },
    timeout: 30_000,
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
  })
})
