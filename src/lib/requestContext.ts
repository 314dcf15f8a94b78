import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Carries the current HTTP request's id through every await, so that each log line written while
 * serving it — ours or Payload's — can name the request without passing it around by hand.
 */
const requestStore = new AsyncLocalStorage<{ requestId: string }>()

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return requestStore.run({ requestId }, work)
}

export function currentRequestId(): string | undefined {
  return requestStore.getStore()?.requestId
}
