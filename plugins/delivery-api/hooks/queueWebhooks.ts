import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { WebhookEvent } from '../constants'

import { webhookDeliveriesSlug } from '../collections/WebhookDeliveries'
import { webhooksSlug } from '../collections/Webhooks'
import { deliverWebhookTaskSlug } from '../constants'

type Subscription = { collections?: null | string[]; events?: string[]; id: number | string }

/**
 * Records a delivery for every active webhook subscribed to the event and queues it. Runs inside
 * the triggering request's transaction, so a failed save queues nothing. A system action: the
 * editor who publishes need not be allowed to read webhook settings.
 */
export async function queueWebhookEvent(
  req: PayloadRequest,
  { id, collection, data, event }: { collection?: string; data: Record<string, unknown>; event: WebhookEvent; id?: number | string },
): Promise<number> {
  const { docs } = await req.payload.find({
    collection: webhooksSlug as 'users',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    // `in`, not `contains`: contains is a substring match, and "unpublish" contains "publish".
    where: { and: [{ active: { equals: true } }, { events: { in: [event] } }] },
  })
  const unique = [...new Map((docs as unknown as Subscription[]).map((webhook) => [String(webhook.id), webhook])).values()]
  const subscribed = unique.filter(
    (webhook) => !collection || !webhook.collections?.length || webhook.collections.includes(collection),
  )
  for (const webhook of subscribed) {
    const delivery = await req.payload.create({
      collection: webhookDeliveriesSlug as 'users',
      data: {
        body: { id, collection, data, event, occurredAt: new Date().toISOString() },
        collection,
        documentId: id === undefined ? undefined : String(id),
        event,
        webhook: webhook.id,
      } as never,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({ input: { deliveryId: delivery.id } as never, req, task: deliverWebhookTaskSlug as never })
  }
  return subscribed.length
}

const publicSummary = (doc: Record<string, unknown>) => ({ id: doc.id, slug: doc.slug, updatedAt: doc.updatedAt })

/** publish: the live version changed; unpublish: it was withdrawn. Draft saves tell sites nothing. */
export const queueWebhooksAfterChange =
  (collection: string): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    if (doc._status === 'published') {
      await queueWebhookEvent(req, { id: doc.id, collection, data: publicSummary(doc), event: 'publish' })
    } else if (previousDoc?._status === 'published') {
      // A draft saved over a published document leaves the published version live; only a real
      // unpublish changes the stored status.
      const stored = await req.payload.findByID({ id: doc.id, collection: collection as 'users', depth: 0, draft: false, overrideAccess: true, req })
      if ((stored as { _status?: string })._status !== 'published') {
        await queueWebhookEvent(req, { id: doc.id, collection, data: publicSummary(doc), event: 'unpublish' })
      }
    }
    return doc
  }

export const queueWebhooksAfterDelete =
  (collection: string): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await queueWebhookEvent(req, { id: doc.id, collection, data: { id: doc.id, slug: doc.slug }, event: 'delete' })
  }
