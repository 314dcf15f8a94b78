/**
 * `next build`, only when the production build is missing or older than the sources it is built
 * from: a build takes minutes on a 2-core machine and the API scenarios do not use it, so it must
 * not be paid on every run.
 */
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../src/lib/paths'
import { runLogged } from './processes'

const buildInputs = ['src', 'collections', 'plugins', 'payload.config.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json']
const maxEntries = 50_000

/** Newest modification time under the inputs; the walk is bounded so a huge tree cannot stall it. */
function newestSourceMtime(): number {
  let newest = 0
  let visited = 0
  const stack = buildInputs.map((input) => path.join(projectRoot, input))
  while (stack.length > 0 && visited < maxEntries) {
    const current = stack.pop()!
    visited++
    let stat: fs.Stats
    try {
      stat = fs.statSync(current)
    } catch {
      continue
    }
    if (stat.isDirectory()) {
      stack.push(...fs.readdirSync(current).filter((name) => name !== 'node_modules').map((name) => path.join(current, name)))
    } else {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  return newest
}

export function buildIsStale(): boolean {
  const buildId = path.join(projectRoot, '.next', 'BUILD_ID')
  return !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime()
}

/** Builds with the same environment as `npm run build`; the log goes to `logFile`. */
export async function buildApp(logFile: string): Promise<void> {
  try {
    await runLogged('npx', ['next', 'build'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      logFile,
      timeoutMs: 20 * 60_000,
    })
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\nThe API scenarios do not need the build: --no-build benchmarks them anyway.`)
  }
}
