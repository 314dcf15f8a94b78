import type { CollectionAfterReadHook, Config, Payload } from 'payload'

import type { ResolvedResponseCacheOptions, ResponseCacheOptions } from './types'

import { type CachedApi, cachedApi } from './handler/cachedApi'
import { answerExpiresAt } from './operations/collector'
import { trackDatabase } from './operations/trackDatabase'
import { cdnPurger } from './utilities/cdnPurge'

export type { CachedApi, CachedApiRequest } from './handler/cachedApi'
export { answerExpiresAt } from './operations/collector'
export { memoryStore } from './stores/memoryStore'
export { redisStore } from './stores/redisStore'
export type { CachedAnswer, CdnPurgeOptions, ClockDependence, ResponseCacheOptions, ResponseCacheStore } from './types'
export { collectionTag, documentTag, globalTag, listTag } from './utilities/tags'

/** What `config.custom.responseCache` holds: the host's side of the cache, and a clock bound for access rules. */
export type ResponseCacheContract = {
  /** The handler a host puts around Payload's API (see CachedApi); one per Payload instance. */
  api(payload: Payload): CachedApi
  /** Called by an access rule whose answer changes at a moment, not by a write: see answerExpiresAt. */
  expiresAt: typeof answerExpiresAt
  /** Voids tags by hand (tests, a maintenance script). */
  invalidate(tags: string[]): Promise<void>
  options: ResolvedResponseCacheOptions
}

/**
 * A server-side cache of public API answers that no write can leave stale: every answer is tagged
 * with what it read (each database read of the adapter, populated relations and access rules'
 * lookups included), and every write through the adapter voids its tags before it returns and
 * again when its transaction commits. The host decides which requests are public and puts
 * `config.custom.responseCache.api(payload)` around Payload's API.
 */
export const responseCache =
  (incoming: ResponseCacheOptions) =>
  (config: Config): Config => {
    const options: ResolvedResponseCacheOptions = {
      cdnPurge: incoming.cdnPurge,
      changesWithTime: incoming.changesWithTime ?? {},
      enabled: incoming.enabled ?? true,
      maxEntryBytes: incoming.maxEntryBytes ?? 1024 * 1024,
      now: incoming.now ?? Date.now,
      store: incoming.store,
      ttlSeconds: incoming.ttlSeconds ?? 300,
    }
    if (!options.enabled) {
      return config
    }
    let current: Payload | undefined
    const purge = options.cdnPurge ? cdnPurger(options.cdnPurge, () => current) : undefined
    const invalidate = async (tags: string[]) => {
      if (!tags.length) {
        return
      }
      await options.store.invalidate(tags)
      purge?.(tags)
    }
    const contract: ResponseCacheContract = { api: (payload) => cachedApi(payload, options), expiresAt: answerExpiresAt, invalidate, options }
    const expiresWithTime = (collection: string): CollectionAfterReadHook[] => {
      const changes = options.changesWithTime[collection]
      return changes
        ? [
            ({ doc }) => {
              const at = options.now()
              const next = changes(doc as Record<string, unknown>)
                .map((moment) => (moment instanceof Date ? moment.getTime() : typeof moment === 'string' ? Date.parse(moment) : moment))
                .filter((moment): moment is number => typeof moment === 'number' && moment > at)
              if (next.length) {
                answerExpiresAt(Math.min(...next))
              }
              return doc
            },
          ]
        : []
    }
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        const hooks = expiresWithTime(collection.slug)
        return hooks.length ? { ...collection, hooks: { ...collection.hooks, afterRead: [...(collection.hooks?.afterRead ?? []), ...hooks] } } : collection
      }),
      custom: { ...config.custom, responseCache: contract },
      onInit: async (payload) => {
        current = payload
        trackDatabase(payload.db, invalidate)
        await config.onInit?.(payload)
      },
    }
  }
