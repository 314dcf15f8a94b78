/**
 * The real entry point (src/server.ts) as a child process, API-only, on a free loopback port and a
 * given database: for tests about what only separate processes show (shutdown on a signal, two
 * instances on one database, a process killed with SIGKILL and started again).
 */
import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import net from 'node:net'

import { projectRoot } from '@/lib/paths'

import { ApiClient } from './host'

export type Exit = { code: null | number; signal: null | string }

export type ServerProcess = {
  baseUrl: string
  child: ChildProcess
  client: ApiClient
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<Exit>
  /** SIGKILL: no shutdown, no last write; resolves once the process is gone. */
  kill9(): Promise<Exit>
  /** Everything the process printed so far (for failure messages). */
  output(): string
  port: number
  /** SIGTERM, as a process manager stops it; resolves with the exit. */
  stop(): Promise<Exit>
}

export type ServerProcessOptions = {
  /** Defaults to this test file's own database (test/helpers/environment.ts). */
  databaseUri?: string
  /** More environment for the child (RUN_JOBS, SHUTDOWN_TIMEOUT_MS …). */
  env?: Record<string, string>
  /** How long /readyz may take to answer 200. */
  readyTimeoutMs?: number
}

/** A port the kernel just handed out and released: free unless another process takes it meanwhile. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const exitOf = (child: ChildProcess): Promise<Exit> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
    : once(child, 'exit').then(([code, signal]) => ({ code: code as null | number, signal: signal as null | string }))

/** Starts the server as `npm run dev` / `npm start` do (see package.json); resolves once /readyz says 200. */
export async function startServerProcess({ databaseUri, env = {}, readyTimeoutMs = 60_000 }: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URI: databaseUri ?? process.env.DATABASE_URI!,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // Jest's own flags (vm modules) are not the server's.
      NODE_OPTIONS: '',
      PORT: String(port),
      SEED_ON_START: 'false',
      SERVE_ADMIN: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = exitOf(child)
  const baseUrl = `http://127.0.0.1:${port}`

  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`)
    }
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    )
    if (ready) {
      break
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server was not ready after ${readyTimeoutMs} ms:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  return {
    baseUrl,
    child,
    client: new ApiClient(baseUrl),
    exited,
    kill9: () => {
      child.kill('SIGKILL')
      return exited
    },
    output: () => output,
    port,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

/**
 * Polls `condition` until it returns a value other than `undefined`/`false`, and returns it: the
 * way to wait for something another process does, instead of sleeping and hoping.
 */
export async function pollUntil<T>(
  what: string,
  condition: () => Promise<false | T | undefined>,
  { intervalMs = 25, timeoutMs = 60_000 }: { intervalMs?: number; timeoutMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await condition()
    if (value !== undefined && value !== false) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

export type WorkerProcess = Pick<ServerProcess, 'child' | 'exited' | 'kill9' | 'output' | 'stop'>

/**
 * The job worker (`npm run worker`'s entry, src/worker.ts) as a child process on the given
 * database; resolves once it polls the queue.
 */
export async function startWorkerProcess({ databaseUri, env = {}, readyTimeoutMs = 60_000 }: ServerProcessOptions = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/worker.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URI: databaseUri ?? process.env.DATABASE_URI!, LOG_LEVEL: 'info', NODE_OPTIONS: '', WORKER_POLL_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = exitOf(child)
  await pollUntil(
    'the worker to start',
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`worker exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`)
      }
      return output.includes('job worker ready')
    },
    { timeoutMs: readyTimeoutMs },
  )
  return {
    child,
    exited,
    kill9: () => {
      child.kill('SIGKILL')
      return exited
    },
    output: () => output,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}
