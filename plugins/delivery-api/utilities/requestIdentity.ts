import type { AuthStrategyResult } from 'payload'

import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Who a request is, as the delivery boundary (middleware/deliveryBoundary.ts) resolved it before
 * Payload saw the request: the API client of its key, or the result of Payload's own auth
 * strategies for a staff token. Payload's auth then reads it back (collections/ApiClients.ts's
 * strategy runs first) instead of parsing, looking up or verifying anything a second time.
 *
 * Carried in the request's async context, not in a header: nothing a caller sends can set it, and
 * it survives Payload copying the web Request (a POST with X-HTTP-Method-Override: GET).
 */
export type RequestIdentity = { auth: AuthStrategyResult }

export const requestIdentity = new AsyncLocalStorage<RequestIdentity>()
