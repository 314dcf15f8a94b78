import type { Endpoint, Payload } from 'payload'

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
 * the same path: Payload appends its defaults after a collection's own endpoints.
 */
function isPayloadReadEndpoint(endpoints: Endpoint[] | false, segments: string[]): boolean {
  if (!endpoints) {
    return false
  }
  const gets = endpoints.filter((endpoint) => endpoint.method === 'get')
  const index = gets.findIndex((endpoint) => matchesEndpointPath(endpoint.path, segments))
  const chosen = gets[index]
  if (!chosen || !collectionReadPaths.has(chosen.path)) {
    return false
  }
  return gets.findLastIndex((endpoint) => endpoint.path === chosen.path) === index
}

/**
 * The one rule for API keys at the door: a key may only read (GET/HEAD) Payload's find, findByID,
 * count and file routes of the collections in its scopes, a global in its scopes, and POST GraphQL
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
  return Boolean(collection && scopes.includes(first) && isPayloadReadEndpoint(collection.config.endpoints, rest))
}
