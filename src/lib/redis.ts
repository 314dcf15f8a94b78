/**
 * One Redis connection per process and URL, shared by everything that keeps state for several
 * instances (the response cache, rate limits, login throttling). ioredis reconnects by itself;
 * commands issued while it is reconnecting wait in its offline queue, up to `maxRetriesPerRequest`
 * retries, then fail, and each caller decides what a failure means. A Redis that accepts
 * connections and stops answering (paused, swapping, a stalled failover) would hold every request
 * that asks it something: past `commandTimeout` the command fails instead.
 */
import { Redis } from 'ioredis'
import net from 'node:net'

const connections = new Map<string, Redis>()

export function redisConnection(url: string): Redis {
  let connection = connections.get(url)
  if (!connection) {
    // Commands must fail within about a second while Redis is away, not queue for ever behind a
    // request that a user is waiting on.
    connection = new Redis(url, { commandTimeout: 1_000, connectTimeout: 2_000, enableAutoPipelining: true, lazyConnect: false, maxRetriesPerRequest: 2 })
    // Without a listener ioredis prints every failed reconnect attempt as an unhandled error.
    connection.on('error', () => undefined)
    connections.set(url, connection)
  }
  return connection
}

/** Closes every connection this process opened (shutdown, the end of a test file). */
export async function closeRedisConnections(): Promise<void> {
  const open = [...connections.values()]
  connections.clear()
  await Promise.all(open.map((connection) => connection.quit().catch(() => connection.disconnect())))
}

/** Whether a Redis on this loopback port answers PING: how the scripts that start one (tests, bench) wait for it. */
export const redisAnswersOn = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.once('error', () => resolve(false))
  })
