/**
 * The response cache as this project runs it (plugins/response-cache): its store from the
 * environment, and which requests count as public. Answers are stored for two kinds of reader
 * only: anonymous requests that carry no credential at all, and API clients, one partition per
 * set of scopes (two keys with the same scopes see the same answers). Signed-in staff never.
 */
import type { Payload } from 'payload'

import type { Availability } from '../collections/Hotlines/utilities/openNow'
import type { ApiAudience } from '../plugins/delivery-api'
import type { ApiCache } from './host/payloadApi'
import type { Environment } from './lib/env'

import { openNow } from '../collections/Hotlines/utilities/openNow'
import { signatureHeader, signWebhook } from '../plugins/delivery-api'
import { memoryStore, redisStore, responseCache, type ResponseCacheContract } from '../plugins/response-cache'
import { isCredentialed } from './host/httpCaching'
import { now } from './lib/clock'
import { redisConnection } from './lib/redis'
import { verificationChangesAt } from './lib/verification'

type CacheSettings = Pick<
  Environment,
  'cdnPurge' | 'redisUrl' | 'responseCache' | 'responseCacheMaxBytes' | 'responseCacheMaxEntryBytes' | 'responseCacheTtlSeconds'
>

export function responseCachePlugin(env: CacheSettings) {
  const { cdnPurge } = env
  return responseCache({
    cdnPurge: cdnPurge && {
      // The same signature scheme as the webhooks, so a receiver verifies both the same way.
      headersFor: (body) => ({ authorization: `Bearer ${cdnPurge.token}`, [signatureHeader]: signWebhook(cdnPurge.token, body, Math.floor(Date.now() / 1000)) }),
      url: cdnPurge.url,
    },
    // A hotline's verification verdict, whether it is open (the finder's openNow) and a print
    // edition's offer end with the clock (see collections/Hotlines/hooks/computeVerification.ts,
    // collections/Hotlines/utilities/openNow.ts, plugins/print/access/offeredOrStaff.ts).
    changesWithTime: {
      hotlines: (doc) => [
        ...verificationChangesAt((doc.verification as { nextDueAt?: string } | undefined)?.nextDueAt),
        openNow(doc.availability as Availability | undefined, now()).nextChangeAt,
      ],
      'print-editions': (doc) => [doc.validUntil as string | undefined],
      'print-files': (doc) => [doc.validUntil as string | undefined],
    },
    enabled: env.responseCache,
    maxEntryBytes: env.responseCacheMaxEntryBytes,
    now: () => now().getTime(),
    store: env.redisUrl
      ? redisStore({ maxTtlMs: env.responseCacheTtlSeconds * 1000, redis: redisConnection(env.redisUrl) })
      : memoryStore({ maxBytes: env.responseCacheMaxBytes }),
    ttlSeconds: env.responseCacheTtlSeconds,
  })
}

const partitionOf = (audience: ApiAudience | undefined, headers: Headers): string | undefined => {
  if (audience?.kind === 'client') {
    return `scopes:${audience.scopes.join(',')}`
  }
  return audience?.kind === 'anonymous' && !isCredentialed(headers) ? 'public' : undefined
}

/** The host's cache around Payload's API, or undefined when the cache is switched off. */
export function responseCacheOf(payload: Payload): ApiCache | undefined {
  const contract = payload.config.custom?.responseCache as ResponseCacheContract | undefined
  if (!contract) {
    return undefined
  }
  const api = contract.api(payload)
  return ({ body, locals, request }, produce) => api({ body, partition: partitionOf(locals.apiAudience as ApiAudience | undefined, request.headers), request }, produce)
}
