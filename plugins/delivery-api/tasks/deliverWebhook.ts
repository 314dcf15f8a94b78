import type { TaskConfig } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../defaults'

import { webhookDeliveriesSlug } from '../collections/WebhookDeliveries'
import { webhooksSlug } from '../collections/Webhooks'
import { deliverWebhookTaskSlug } from '../constants'
import { signatureHeader, signWebhook } from '../utilities/webhookSignature'
import { checkWebhookTarget } from '../utilities/webhookTargets'

type Webhook = { allowPrivateNetwork?: boolean; id: number | string; secret: string; url: string }
type Delivery = { attempts: number; body: unknown; id: number | string; webhook: null | number | string }

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
      const delivery = (await payload.findByID({ id: input.deliveryId, collection: webhookDeliveriesSlug as 'users', depth: 0, overrideAccess: true, req })) as unknown as Delivery
      if (delivery.webhook === null || delivery.webhook === undefined) {
        // The webhook was deleted after this delivery was queued: nothing to send, nothing to retry.
        return { output: { statusCode: 0 } }
      }
      const webhook = (await payload.findByID({ id: delivery.webhook as number | string, collection: webhooksSlug as 'users', depth: 0, overrideAccess: true, req })) as unknown as Webhook
      const attempts = delivery.attempts + 1
      // Written outside the job's transaction on purpose: a failed attempt throws, which rolls the
      // job's transaction back, and the delivery log must still show the attempt.
      const record = (data: Record<string, unknown>) =>
        payload.update({ id: delivery.id, collection: webhookDeliveriesSlug as 'users', data: { attempts, ...data } as never, overrideAccess: true })

      const body = JSON.stringify(delivery.body)
      let failure: string
      let statusCode: number | undefined
      const targetProblem = await checkWebhookTarget(webhook.url, Boolean(webhook.allowPrivateNetwork))
      if (targetProblem) {
        failure = targetProblem
      } else {
        try {
          const response = await fetch(webhook.url, {
            body,
            headers: {
              'content-type': 'application/json',
              [signatureHeader]: signWebhook(webhook.secret, body, Math.floor(Date.now() / 1000)),
              'user-agent': 'JointEffortsCMS-Webhooks/1',
              'x-jec-delivery': String(delivery.id),
            },
            method: 'POST',
            redirect: 'manual',
            signal: AbortSignal.timeout(options.webhooks.timeoutMs),
          })
          statusCode = response.status
          await response.arrayBuffer()
          if (response.ok) {
            await record({ deliveredAt: new Date().toISOString(), lastError: null, lastStatusCode: statusCode, status: 'succeeded' })
            return { output: { statusCode } }
          }
          failure = `Receiver answered ${response.status}.`
        } catch (error) {
          failure = (error as Error).name === 'TimeoutError' ? `No answer within ${options.webhooks.timeoutMs} ms.` : (error as Error).message
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
