import type { Endpoint, Payload } from 'payload'

import { API_CLIENT_READ } from '../constants'

/**
 * Payload's own read endpoints for a collection: find, findByID, count and the file of an upload
 * (its resized copies are files too). Everything else Payload routes under a collection —
 * versions, access, init, me, locks, preferences, custom endpoints — is not a read of published
 * content, so an API key never reaches it.
 */
const collectionReadPaths = new Set(['/', '/:id', '/count', '/file/:filename'])

/**
 * Whether a path pattern as Payload writes it (`/versions/:id`, `/access/:id?`) matches the
 * segments. Patterns with anything beyond literal and `:param`/`:param?` segments are treated as
 * matching everything: then they win the route and the request is refused, the safe side.
 */
export function matchesEndpointPath(pattern: string, segments: string[]): boolean {
  const parts = pattern.split('/').filter(Boolean)
  if (parts.some((part) => /[()*+{}]/.test(part))) {
    return true
  }
  for (let index = 0; index < Math.max(parts.length, segments.length); index += 1) {
    const part = parts[index]
    const segment = segments[index]
    if (part === undefined) {
      return false
    }
    if (segment === undefined) {
      return part.startsWith(':') && part.endsWith('?')
    }
    if (!part.startsWith(':') && part !== segment) {
      return false
    }
  }
  return true
}

/**
 * The endpoint Payload's router will pick (the first of the method whose path matches, as in
 * `handleEndpoints`), if it is one of Payload's read endpoints and not a custom one that took over
 * the same path (Payload appends its defaults after a collection's own endpoints), or a custom
 * endpoint its collection declared a read for keys (readableByApiClients).
 */
function isReadEndpoint(endpoints: Endpoint[] | false, segments: string[]): boolean {
  if (!endpoints) {
    return false
  }
  const gets = endpoints.filter((endpoint) => endpoint.method === 'get')
  const index = gets.findIndex((endpoint) => matchesEndpointPath(endpoint.path, segments))
  const chosen = gets[index]
  if (chosen?.custom?.[API_CLIENT_READ] === true) {
    return true
  }
  if (!chosen || !collectionReadPaths.has(chosen.path)) {
    return false
  }
  return gets.findLastIndex((endpoint) => endpoint.path === chosen.path) === index
}

/**
 * Declares a custom GET endpoint a read of published content: on a collection, an API key whose
 * scopes include the collection may call it; at the root (`/api/search`), a key whose scopes
 * include one of `collections`, what it reads. The endpoint still reads with the key's access, so
 * scopes and field access apply inside it as for Payload's find.
 */
export const readableByApiClients = (endpoint: Endpoint, collections?: readonly string[]): Endpoint => ({
  ...endpoint,
  custom: { ...endpoint.custom, [API_CLIENT_READ]: collections ? [...collections] : true },
})

/** A root endpoint declared readable for the collections it reads, when the key has one of them. */
function isReadableRootEndpoint(endpoints: Endpoint[] | false, segments: string[], scopes: readonly string[]): boolean {
  const chosen = (endpoints || []).find((endpoint) => endpoint.method === 'get' && matchesEndpointPath(endpoint.path, segments))
  const reads: unknown = chosen?.custom?.[API_CLIENT_READ]
  return Array.isArray(reads) && reads.some((collection) => scopes.includes(collection))
}

/**
 * The one rule for API keys at the door: a key may only read (GET/HEAD) Payload's find, findByID,
 * count and file routes (and the custom reads marked readableByApiClients) of the collections in
 * its scopes, a global in its scopes, a root read marked for one of its scopes, and POST GraphQL
 * (where `apiClientReadOnlyRule` lets through queries of its scopes only). `segments` are the
 * decoded path segments below `/api`.
 */
export function isApiClientRouteAllowed(payload: Payload, method: string, segments: string[], scopes: readonly string[]): boolean {
  if (segments.length === 1 && segments[0] === 'graphql') {
    return method === 'POST'
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return false
  }
  const [first, ...rest] = segments
  if (first === 'globals') {
    return rest.length === 1 && scopes.includes(rest[0]) && payload.globals.config.some((global) => global.slug === rest[0])
  }
  const collection = first ? payload.collections[first as keyof typeof payload.collections] : undefined
  if (!collection) {
    return isReadableRootEndpoint(payload.config.endpoints, segments, scopes)
  }
  return scopes.includes(first!) && isReadEndpoint(collection.config.endpoints, rest)
}
