import { createHash, randomBytes } from 'node:crypto'

/** Keys look like `jec_<43 url-safe characters>`: 256 random bits, recognisable in a leak scan. */
export const apiKeyPrefix = 'jec_'

export function generateApiKey(): string {
  return `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`
}

/** Only this hash is stored: a database leak does not leak working keys. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** The key from `Authorization: API-Key <key>` or `X-API-Key: <key>`, if any: the one parser of keys. */
export function apiKeyOf(authorization: null | string | undefined, xApiKey: null | string | undefined): string | undefined {
  return authorization?.match(/^API-Key\s+(\S+)$/i)?.[1] ?? xApiKey ?? undefined
}

export const apiKeyFromHeaders = (headers: Headers): string | undefined => apiKeyOf(headers.get('authorization'), headers.get('x-api-key'))
