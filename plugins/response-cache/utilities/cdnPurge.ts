import type { Payload } from 'payload'

import type { CdnPurgeOptions } from '../types'

const batchDelayMs = 50
const attempts = 3

/**
 * Sends voided tags to a CDN's purge-by-tag endpoint. Calls are batched over a few milliseconds
 * (one publish voids a handful of tags in several writes) and retried; they never hold up the
 * write that caused them: the CDN is told as soon as possible, and a CDN that is down costs a
 * logged error, not a failed publish. The CMS's own cache does not depend on them.
 */
export function cdnPurger(options: CdnPurgeOptions, payload: () => Payload | undefined): (tags: string[]) => void {
  let waiting = new Set<string>()
  let timer: NodeJS.Timeout | undefined

  const send = async (tags: string[]) => {
    const body = JSON.stringify({ tags })
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const response = await fetch(options.url, {
          body,
          headers: { 'content-type': 'application/json', ...options.headersFor(body) },
          method: 'POST',
          signal: AbortSignal.timeout(5_000),
        })
        if (response.ok) {
          return
        }
        payload()?.logger.warn({ attempt, status: response.status }, 'CDN purge refused')
      } catch (error) {
        payload()?.logger.warn({ attempt, err: error }, 'CDN purge failed')
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt))
    }
    payload()?.logger.error({ tags: tags.length }, `CDN purge gave up after ${attempts} attempts: the CDN may serve stale answers until they expire`)
  }

  return (tags) => {
    tags.forEach((tag) => waiting.add(tag))
    timer ??= setTimeout(() => {
      const batch = [...waiting]
      waiting = new Set()
      timer = undefined
      void send(batch)
    }, batchDelayMs).unref()
  }
}
