/**
 * A real Redis (Debian's redis-server, installed by scripts/ensure-test-packages.sh) on a free
 * loopback port, with no persistence: one per test file that needs shared state.
 */
import { spawn } from 'node:child_process'

import { redisAnswersOn } from '@/lib/redis'

import { freePort } from './serverProcess'

export type RedisServer = { stop(): Promise<void>; url: string }


export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const deadline = Date.now() + 10_000
  while (!(await redisAnswersOn(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`redis-server did not start on port ${port}:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
    },
    url: `redis://127.0.0.1:${port}`,
  }
}
