/**
 * Runs the real entry point (src/server.ts) as its own process, API-only, and stops it with a
 * signal, as a process manager or Kubernetes would.
 */
import http from 'node:http'
import net from 'node:net'

import { startServerProcess } from '../helpers/serverProcess'

/** Starts a login request and sends only the first half of its body, keeping it in flight. */
function startSlowRequest(port: number) {
  const body = JSON.stringify({ email: 'nobody@example.org', password: 'wrong-password' })
  const request = http.request({
    headers: { 'content-length': Buffer.byteLength(body), 'content-type': 'application/json' },
    host: '127.0.0.1',
    method: 'POST',
    path: '/api/users/login',
    port,
  })
  const response = new Promise<{ status: number }>((resolve, reject) => {
    request.once('response', (res) => {
      res.resume()
      res.once('end', () => resolve({ status: res.statusCode ?? 0 }))
    })
    request.once('error', reject)
  })
  request.write(body.slice(0, 10))
  return { finish: () => request.end(body.slice(10)), request, response }
}

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new net.Socket()
    socket.once('error', () => resolve(true))
    socket.connect(port, '127.0.0.1', () => {
      socket.destroy()
      resolve(false)
    })
  })

describe('graceful shutdown', () => {
  test('SIGTERM lets an in-flight request finish, refuses new connections, then exits 0', async () => {
    const { child, exited, port } = await startServerProcess({ env: { SHUTDOWN_TIMEOUT_MS: '10000' } })
    const slow = startSlowRequest(port)
    await new Promise((resolve) => setTimeout(resolve, 200))

    child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(child.exitCode).toBeNull()
    expect(await refusesConnections(port)).toBe(true)

    slow.finish()
    const { status } = await slow.response
    expect(status).toBe(401)
    expect(await exited).toEqual({ code: 0, signal: null })
  })

  test('a request that never finishes is cut at SHUTDOWN_TIMEOUT_MS and the process still exits 0', async () => {
    const { child, exited, port } = await startServerProcess({ env: { SHUTDOWN_TIMEOUT_MS: '1000' } })
    const stuck = startSlowRequest(port)
    stuck.request.on('error', () => undefined)
    stuck.response.catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 200))

    const started = Date.now()
    child.kill('SIGTERM')
    expect(await exited).toEqual({ code: 0, signal: null })
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(900)
    expect(elapsed).toBeLessThan(8_000)
  })
})
