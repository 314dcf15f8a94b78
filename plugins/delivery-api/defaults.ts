import type { PayloadRequest } from 'payload'

import type { DeliveryApiOptions } from './types'

import { contentWebhookEvents } from './constants'

export const defaultIsStaffRequest = (req: Pick<PayloadRequest, 'user'>): boolean => Boolean(req.user && req.user.collection === 'users')

export const defaultIsAdminRequest = (req: PayloadRequest): boolean =>
  defaultIsStaffRequest(req) && Boolean((req.user as { roles?: string[] } | null)?.roles?.includes('admin'))

export function withDefaults(options: DeliveryApiOptions) {
  return {
    enabled: options.enabled ?? true,
    graphQL: {
      maxAliases: options.graphQL?.maxAliases ?? 30,
      maxComplexity: options.graphQL?.maxComplexity ?? 600,
      maxDepth: options.graphQL?.maxDepth ?? 8,
      publicIntrospectionInProduction: options.graphQL?.publicIntrospectionInProduction ?? false,
    },
    isAdminRequest: options.isAdminRequest ?? defaultIsAdminRequest,
    isStaffRequest: options.isStaffRequest ?? defaultIsStaffRequest,
    queries: {
      maxConditions: options.queries?.maxConditions ?? 1000,
      maxDepth: options.queries?.maxDepth ?? 8,
      maxPatternLength: options.queries?.maxPatternLength ?? 200,
      maxPatternWildcards: options.queries?.maxPatternWildcards ?? 8,
    },
    readableCollections: options.readableCollections,
    rest: {
      maxPublicDepth: options.rest?.maxPublicDepth ?? 2,
      maxPublicLimit: options.rest?.maxPublicLimit ?? 100,
    },
    webhooks: {
      // Stored as select options: the order and values are the schema's (no migration for the same list).
      events: [...contentWebhookEvents, ...(options.webhooks?.events ?? [])],
      maxAttempts: options.webhooks?.maxAttempts ?? 5,
      retryDelayMs: options.webhooks?.retryDelayMs ?? 10_000,
      timeoutMs: options.webhooks?.timeoutMs ?? 10_000,
    },
  }
}

export type ResolvedDeliveryApiOptions = ReturnType<typeof withDefaults>
