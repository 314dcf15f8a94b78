/**
 * Every child process the benchmark starts (seeds, servers, the load generator, the build) is
 * registered here, so that any way out of the run — success, an exception, Ctrl-C — kills exactly
 * those processes, by pid, and leaves no server behind.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'

import { projectRoot } from '../src/lib/paths'

const live = new Set<ChildProcess>()

export function track(child: ChildProcess): ChildProcess {
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

/** Last resort, synchronous (usable in an 'exit' handler): SIGKILL whatever is still running. */
export function killAll(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
    }
  }
  live.clear()
}

export function installCleanup(): void {
  process.once('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping every process the benchmark started`)
      killAll()
      process.exit(130)
    })
  }
}

/** Resolves with the exit code, or kills the child after `timeoutMs` (SIGTERM, then SIGKILL). */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<null | number> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode)
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

export const tail = (file: string, lines = 30): string =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)'

/** Runs a command to completion with its output in `logFile`; throws with the log's tail on failure. */
export async function runLogged(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logFile: string; timeoutMs: number },
): Promise<void> {
  const log = fs.openSync(options.logFile, 'w')
  const child = track(spawn(command, args, { cwd: projectRoot, env: options.env, stdio: ['ignore', log, log] }))
  const code = await waitForExit(child, options.timeoutMs)
  fs.closeSync(log)
  if (code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${code}); last lines of ${options.logFile}:\n${tail(options.logFile)}`)
  }
}
