import ipaddr from 'ipaddr.js'
import { lookup } from 'node:dns/promises'

/** Anything that is not the public internet: loopback, private, link-local (cloud metadata), etc. */
export function isNonPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) {
    return true
  }
  const parsed = ipaddr.process(address)
  return parsed.range() !== 'unicast'
}

/**
 * Refuses webhook targets that would make the CMS call into its own network (SSRF): checked when
 * a webhook is saved and again before every delivery, against every address the name resolves to
 * at that moment (a name can be re-pointed after it was saved).
 */
export async function checkWebhookTarget(url: string, allowPrivateNetwork: boolean): Promise<null | string> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'Enter a full URL, e.g. https://example.org/hooks/cms.'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'Webhook URLs must use https (or http).'
  }
  if (parsed.username || parsed.password) {
    return 'Put credentials in the signing secret, not in the URL.'
  }
  if (allowPrivateNetwork) {
    return null
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map(({ address }) => address)
  } catch {
    return `${host} does not resolve.`
  }
  const blocked = addresses.find(isNonPublicAddress)
  return blocked ? `${host} points to a non-public address (${blocked}); only public targets are allowed.` : null
}
