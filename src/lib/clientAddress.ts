import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The HTTP client's address (express's `req.ip`, which honours TRUST_PROXY) for code that runs
 * inside Payload, where the request is a Web `Request` without one. Login throttling counts per
 * client with it. Undefined outside an HTTP request (Local API calls, jobs, scripts).
 */
const clientAddressStore = new AsyncLocalStorage<string>()

export function runWithClientAddress<T>(address: string, work: () => T): T {
  return clientAddressStore.run(address, work)
}

export function currentClientAddress(): string | undefined {
  return clientAddressStore.getStore()
}
