import type { LookupFunction } from 'node:net'

import ipaddr from 'ipaddr.js'
import { lookup } from 'node:dns/promises'

/** Resolves a host name to every address it has now. */
export type ResolveHost = (hostname: string) => Promise<Array<{ address: string; family: number }>>

/**
 * How webhook targets are resolved, when a webhook is saved and when a delivery connects: the
 * system resolver, replaced in tests to point a name at a local receiver (and to re-point it
 * between the check and the connection).
 */
export const webhookNetwork: { resolveHost: ResolveHost } = { resolveHost: (hostname) => lookup(hostname, { all: true }) }

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
 * at that moment (a name can be re-pointed after it was saved). The delivery itself connects
 * through `connectLookup`, since a name can also be re-pointed between this check and the
 * connection (DNS rebinding).
 */
export async function checkWebhookTarget(
  url: string,
  allowPrivateNetwork: boolean,
  resolveHost: ResolveHost = webhookNetwork.resolveHost,
): Promise<null | string> {
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
    addresses = ipaddr.isValid(host) ? [host] : (await resolveHost(host)).map(({ address }) => address)
  } catch {
    return `${host} does not resolve.`
  }
  const blocked = addresses.find(isNonPublicAddress)
  return blocked ? `${host} points to a non-public address (${blocked}); only public targets are allowed.` : null
}

/**
 * A `lookup` for the socket that sends a delivery: the addresses it connects to are the ones it
 * checked, in the same resolution, so a name that answered a public address to the check and a
 * private one to the connection (DNS rebinding) is refused at connect time. Refuses the host when
 * any of its addresses is non-public, as the check does (unless the webhook may reach private
 * targets).
 */
export function connectLookup(resolveHost: ResolveHost, allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname)
      .then((addresses) => {
        const blocked = allowPrivateNetwork ? undefined : addresses.find(({ address }) => isNonPublicAddress(address))
        const family = options.family === 4 || options.family === 6 ? options.family : undefined
        const usable = addresses.filter((entry) => !family || entry.family === family)
        if (blocked || !usable.length) {
          const message = blocked
            ? `${hostname} points to a non-public address (${blocked.address}) at connect time; only public targets are allowed.`
            : `${hostname} does not resolve.`
          callback(Object.assign(new Error(message), { code: blocked ? 'EJECPRIVATE' : 'ENOTFOUND' }), '', 0)
        } else if (options.all) {
          ;(callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, usable)
        } else {
          callback(null, usable[0]!.address, usable[0]!.family)
        }
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0))
  }
}
