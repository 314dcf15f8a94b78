import { getOperationAST, parse, print } from 'graphql'
import { createHash } from 'node:crypto'

/**
 * The query string with its parameters in a fixed order. Parameters with the same name keep their
 * relative order (repeated keys form arrays, whose order can matter); Payload parses the rest by
 * name, so their order cannot change an answer.
 */
export function normalisedSearch(search: URLSearchParams): string {
  const pairs = [...search.entries()]
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return new URLSearchParams(pairs).toString()
}

const maxCachedQueryLength = 16_384

/**
 * A GraphQL request as a canonical string, or undefined when it is not a cacheable read: not JSON,
 * not parseable (Payload answers the error), or a mutation or subscription. Whitespace, comments
 * and the order of variables do not change the key.
 */
export function normalisedGraphQL(body: Uint8Array | undefined): string | undefined {
  if (!body?.length || body.length > 4 * maxCachedQueryLength) {
    return undefined
  }
  let parsed: { operationName?: unknown; query?: unknown; variables?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8')) as typeof parsed
  } catch {
    return undefined
  }
  // Parsing costs time in proportion to the text, on top of Payload's own parse: the public reads
  // worth caching are short, and a body near the request limit is not parsed twice.
  if (typeof parsed?.query !== 'string' || parsed.query.length > maxCachedQueryLength) {
    return undefined
  }
  const operationName = typeof parsed.operationName === 'string' ? parsed.operationName : undefined
  try {
    const document = parse(parsed.query, { noLocation: true })
    if (getOperationAST(document, operationName)?.operation !== 'query') {
      return undefined
    }
    return JSON.stringify([print(document), operationName ?? null, canonical(parsed.variables ?? null)])
  } catch {
    return undefined
  }
}

/** JSON with object keys sorted at every level. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical)
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    )
  }
  return value
}

/**
 * The key of a public read, or undefined when the request is not one: REST GETs and GraphQL
 * queries (POSTed, as Payload takes them) only. `partition` is who may see the answer (everyone,
 * or one set of API scopes): answers never cross it.
 */
export function cacheKeyOf(request: Request, body: Uint8Array | undefined, partition: string): string | undefined {
  const url = new URL(request.url)
  let operation: string | undefined
  if (request.method === 'GET' && !url.pathname.endsWith('/graphql')) {
    operation = 'GET'
  } else if (request.method === 'POST' && url.pathname.endsWith('/graphql')) {
    operation = normalisedGraphQL(body)
  }
  if (operation === undefined) {
    return undefined
  }
  return createHash('sha256').update(JSON.stringify([partition, url.pathname, normalisedSearch(url.searchParams), operation])).digest('base64url')
}
