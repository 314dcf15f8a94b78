import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signature header: `X-JEC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * Receivers recompute the HMAC over the timestamp and the exact body bytes with their secret,
 * compare in constant time, and reject timestamps older than a few minutes (replays).
 */
export const signatureHeader = 'X-JEC-Signature'

export function signWebhook(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')
  return `t=${timestampSeconds},v1=${mac}`
}

export function verifyWebhookSignature({
  body,
  header,
  nowSeconds = Math.floor(Date.now() / 1000),
  secret,
  toleranceSeconds = 300,
}: {
  body: string
  header: string
  nowSeconds?: number
  secret: string
  toleranceSeconds?: number
}): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]))
  const timestamp = Number(parts.t)
  if (!Number.isInteger(timestamp) || !parts.v1 || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return false
  }
  const expected = Buffer.from(signWebhook(secret, body, timestamp).split('v1=')[1]!, 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
