/**
 * Starts one production server (ours and cached: the real src/server.ts, with the response cache
 * off and on; bare: bench/bareServer.ts) on a
 * loopback port, waits for its "API ready" log line, samples its memory, and stops it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { projectRoot } from '../src/lib/paths'
import { tail, track, waitForExit } from './processes'

export type Variant = 'bare' | 'cached' | 'ours'

export type ServerHandle = {
  baseUrl: string
  /** Peak resident memory since the last reset, in MB (sampled every 200 ms). */
  peakRssMb(): number
  resetPeak(): void
  stop(): Promise<void>
  /** Kernel's high-water mark of the process's resident memory (VmHWM), in MB. */
  vmHwmMb(): number
}

const entries: Record<Variant, string> = { bare: 'bench/bareServer.ts', cached: 'src/server.ts', ours: 'src/server.ts' }
const readyTimeoutMs = 120_000
const sampleEveryMs = 200

/** Asks the OS for a free loopback port, so SERVER_URL can name it before the server starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

function readStatusKb(pid: number, key: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))
    return match ? Number(match[1]) : 0
  } catch {
    // No /proc (macOS) or the process is gone: memory is simply not reported.
    return 0
  }
}

function waitForReady(child: ChildProcess, logFile: string): Promise<string> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const url = fs.readFileSync(logFile, 'utf8').match(/API ready on (http:\/\/[^\s"]+)\/api/)?.[1]
      const exited = child.exitCode !== null || child.signalCode !== null
      if (url || exited || Date.now() - started > readyTimeoutMs) {
        clearInterval(poll)
        if (url) {
          resolve(url)
        } else {
          reject(new Error(`server ${exited ? `exited (${child.exitCode ?? child.signalCode})` : 'not ready in time'}; log:\n${tail(logFile)}`))
        }
      }
    }, 100)
  })
}

export async function startServer(options: { dbFile: string; env: NodeJS.ProcessEnv; logFile: string; variant: Variant }): Promise<ServerHandle> {
  const port = await freePort()
  const log = fs.openSync(options.logFile, 'w')
  const child = track(
    spawn(process.execPath, ['--conditions=production', '--import', 'tsx', path.join(projectRoot, entries[options.variant])], {
      cwd: projectRoot,
      env: {
        ...options.env,
        DATABASE_URI: `file:${options.dbFile}`,
        HOST: '127.0.0.1',
        PORT: String(port),
        SERVER_URL: `http://localhost:${port}`,
      },
      // To a file, not a pipe: the access log of thousands of requests per second must never
      // wait on this process reading it.
      stdio: ['ignore', log, log],
    }),
  )
  fs.closeSync(log)
  let peakKb = 0
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, readStatusKb(child.pid!, 'VmRSS'))
  }, sampleEveryMs)
  const stop = async () => {
    clearInterval(sampler)
    child.kill('SIGTERM')
    // Between runs nothing is in flight, so a healthy server is gone in about a second; one stuck
    // in a busy loop never sees SIGTERM and is killed 5 s later.
    await waitForExit(child, 5_000)
  }
  try {
    const url = await waitForReady(child, options.logFile)
    return {
      // The ready line names the bound address (127.0.0.1); use it rather than localhost.
      baseUrl: url,
      peakRssMb: () => Math.max(peakKb, readStatusKb(child.pid!, 'VmRSS')) / 1024,
      resetPeak: () => {
        peakKb = 0
      },
      stop,
      vmHwmMb: () => readStatusKb(child.pid!, 'VmHWM') / 1024,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
