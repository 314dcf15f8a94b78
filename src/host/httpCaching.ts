import { createHash } from 'node:crypto'

/**
 * True when the request carries any credential: such responses are personal and never cached.
 * Every way Payload or the API-key strategy accepts one counts: `Authorization` in any scheme
 * (JWT, Bearer, API-Key), `X-API-Key`, and any cookie (Payload's cookie name follows its
 * configurable prefix, so no name is trusted to be harmless).
 */
export function isCredentialed(headers: Headers): boolean {
  return Boolean(headers.get('authorization') || headers.get('x-api-key') || headers.get('cookie'))
}

/** An answer whose body is already in memory: sent as it is, without a stream in between. */
export type BufferedResponse = { body: Buffer | null; headers: Headers; status: number }

/**
 * Adds validators and cache rules to a GET API response. Anonymous JSON responses get a strong
 * ETag (a hash of the exact bytes) and `public, max-age`; a matching If-None-Match becomes 304.
 * Credentialed responses are `private, no-store`: a shared cache must never hand one user's view
 * (drafts, staff fields, a key's scopes) to another. `Vary` names every credential header, for
 * caches that ignore `private`.
 */
export async function withHttpCaching(request: Request, response: Response, maxAgeSeconds: number): Promise<BufferedResponse | Response> {
  const headers = new Headers(response.headers)
  headers.append('Vary', 'Authorization, Cookie, Origin, X-API-Key')
  if (isCredentialed(request.headers)) {
    headers.set('Cache-Control', 'private, no-store')
    headers.delete('ETag')
    return new Response(response.body, { headers, status: response.status })
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json')
  // An endpoint that marks its answer personal or uncacheable is believed.
  const refusesCaching = /\b(no-store|private)\b/i.test(response.headers.get('cache-control') ?? '')
  if ((request.method !== 'GET' && request.method !== 'HEAD') || response.status !== 200 || !isJson || refusesCaching) {
    if (!headers.has('Cache-Control')) {
      headers.set('Cache-Control', 'no-store')
    }
    return new Response(response.body, { headers, status: response.status })
  }
  const body = Buffer.from(await response.arrayBuffer())
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`
  headers.set('ETag', etag)
  headers.set('Cache-Control', `public, max-age=${maxAgeSeconds}`)
  const ifNoneMatch = request.headers.get('if-none-match')
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    headers.delete('content-length')
    return { body: null, headers, status: 304 }
  }
  return { body, headers, status: 200 }
}
