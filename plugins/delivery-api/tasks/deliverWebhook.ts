import type { LookupFunction } from 'node:net'
import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'

import http from 'node:http'
import https from 'node:https'

import type { ResolvedDeliveryApiOptions } from '../types'

import { deliverWebhookTaskSlug } from '../constants'
import { signatureHeader, signWebhook } from '../utilities/webhookSignature'
import { checkWebhookTarget, connectLookup, webhookNetwork } from '../utilities/webhookTargets'

type Webhook = { allowPrivateNetwork?: boolean; id: number | string; secret: string; url: string }
type Delivery = { attempts: number; body: unknown; id: number | string; status: string; webhook: null | number | string }

/** No request holds a reservation this long: an older `held` row belongs to a request that failed after reserving it. */
const abandonedAfterMs = 10 * 60_000

/** Off the request path: each delivery sweeps the reservations no request will release. */
async function removeAbandonedReservations(req: PayloadRequest, collection: CollectionSlug) {
  // Rows only: abandoned reservations have no jobs, and nothing refers to them.
  await req.payload.db.deleteMany({
    collection,
    req,
    where: { and: [{ status: { equals: 'held' } }, { createdAt: { less_than: new Date(Date.now() - abandonedAfterMs).toISOString() } }] },
  })
}

class DeliveryTimeout extends Error {
  override name = 'TimeoutError'
}

/**
 * One POST, on a connection of its own whose address comes from `lookup`, never following a
 * redirect (a 3xx is a failed attempt, so a receiver cannot bounce the CMS to a private address).
 * Not `fetch`: it resolves the name itself and offers no per-request lookup.
 */
function post(url: string, body: string, headers: Record<string, string>, lookup: LookupFunction, timeoutMs: number): Promise<number> {
  const target = new URL(url)
  const send = target.protocol === 'https:' ? https.request : http.request
  return new Promise((resolve, reject) => {
    const request = send(target, { agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, method: 'POST' }, (response) => {
      // The answer's body is not needed; draining it lets the socket close.
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
      response.on('error', reject)
    })
    const timer = setTimeout(() => request.destroy(new DeliveryTimeout()), timeoutMs)
    request.on('close', () => clearTimeout(timer))
    request.on('error', reject)
    request.end(body)
  })
}

/**
 * Sends one delivery. A failure throws, so Payload's job queue retries with exponential backoff
 * until the attempts run out; every attempt is written to the delivery log. Runs as the system:
 * deliveries and webhooks are read and written with access off.
 */
export function deliverWebhookTask(options: ResolvedDeliveryApiOptions): TaskConfig<{ input: { deliveryId: number | string }; output: { statusCode: number } }> {
  return {
    slug: deliverWebhookTaskSlug,
    handler: async ({ input, req }) => {
      const { payload } = req
      await removeAbandonedReservations(req, options.slugs.webhookDeliveries)
      const delivery = (await payload.findByID({ id: input.deliveryId, collection: options.slugs.webhookDeliveries, depth: 0, overrideAccess: true, req })) as Delivery
      if (delivery.webhook === null || delivery.webhook === undefined || delivery.status === 'held') {
        // The webhook was deleted after this delivery was queued, or the delivery was never released
        // by the write that reserved it: nothing to send, nothing to retry.
        return { output: { statusCode: 0 } }
      }
      const webhook = (await payload.findByID({ id: delivery.webhook as number | string, collection: options.slugs.webhooks, depth: 0, overrideAccess: true, req })) as Webhook
      const attempts = delivery.attempts + 1
      // Written outside the job's transaction on purpose: a failed attempt throws, which rolls the
      // job's transaction back, and the delivery log must still show the attempt.
      const record = (data: Record<string, unknown>) =>
        payload.update({ id: delivery.id, collection: options.slugs.webhookDeliveries, data: { attempts, ...data } as never, overrideAccess: true })

      const body = JSON.stringify(delivery.body)
      let failure: string
      let statusCode: number | undefined
      const { resolveHost } = webhookNetwork
      const allowPrivateNetwork = Boolean(webhook.allowPrivateNetwork)
      const targetProblem = await checkWebhookTarget(webhook.url, allowPrivateNetwork, resolveHost)
      if (targetProblem) {
        failure = targetProblem
      } else {
        try {
          statusCode = await post(
            webhook.url,
            body,
            {
              'content-type': 'application/json',
              [signatureHeader]: signWebhook(webhook.secret, body, Math.floor(Date.now() / 1000)),
              'user-agent': 'JointEffortsCMS-Webhooks/1',
              'x-jec-delivery': String(delivery.id),
            },
            connectLookup(resolveHost, allowPrivateNetwork),
            options.webhooks.timeoutMs,
          )
          if (statusCode >= 200 && statusCode < 300) {
            await record({ deliveredAt: new Date().toISOString(), lastError: null, lastStatusCode: statusCode, status: 'succeeded' })
            return { output: { statusCode } }
          }
          failure = `Receiver answered ${statusCode}.`
        } catch (error) {
          failure = error instanceof DeliveryTimeout ? `No answer within ${options.webhooks.timeoutMs} ms.` : (error as Error).message
        }
      }
      const finalAttempt = attempts >= options.webhooks.maxAttempts
      await record({ lastError: failure, lastStatusCode: statusCode ?? null, status: finalAttempt ? 'failed' : 'retrying' })
      throw new Error(`Webhook delivery ${String(delivery.id)} failed (attempt ${attempts}): ${failure}`)
    },
    inputSchema: [{ name: 'deliveryId', type: 'text', required: true }],
    outputSchema: [{ name: 'statusCode', type: 'number' }],
    retries: {
      attempts: options.webhooks.maxAttempts - 1,
      backoff: { type: 'exponential', delay: options.webhooks.retryDelayMs },
    },
  }
}
