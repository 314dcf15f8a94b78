import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

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
  const subscribed = unique.filter((webhook) => !collection || !webhook.collections?.length || webhook.collections.includes(collection))
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

const wasLiveKey = (collection: string, id: unknown) => `deliveryApiWasLive:${collection}:${String(id)}`

/** The stored (live) status, not the latest version's: a draft saved over a live document leaves it live. */
const isLive = async (req: PayloadRequest, collection: string, id: number | string) => {
  // The stored row only: no hooks, access or population for one status on every write.
  const stored = (await req.payload.db.findOne({
    collection: collection as CollectionSlug,
    req,
    select: { _status: true },
    where: { id: { equals: id } },
  })) as null | {
    _status?: string
  }
  return stored?._status === 'published'
}

/**
 * Notes whether the document is live before an update that does not publish it. The previous
 * document Payload hands to afterChange is the latest version, which after a per-locale publish or
 * a draft save is a draft even while the document is live, so it cannot tell an unpublish.
 */
export const rememberLiveStatusBeforeChange =
  (collection: string): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation === 'update' && originalDoc?.id !== undefined && data._status !== 'published') {
      // Read first: a Local API call given `req` replaces req.context with a copy.
      const live = await isLive(req, collection, originalDoc.id as number | string)
      req.context[wasLiveKey(collection, originalDoc.id)] = live
    }
    return data
  }

/** publish: the live version changed; unpublish: it was withdrawn. Draft saves tell sites nothing. */
export const queueWebhooksAfterChange =
  (collection: string): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    if (doc._status === 'published') {
      await queueWebhookEvent(req, { id: doc.id, collection, data: publicSummary(doc), event: 'publish' })
      return doc
    }
    const key = wasLiveKey(collection, doc.id)
    const wasLive = req.context[key] === true
    delete req.context[key]
    if (wasLive && !(await isLive(req, collection, doc.id as number | string))) {
      await queueWebhookEvent(req, { id: doc.id, collection, data: publicSummary(doc), event: 'unpublish' })
    }
    return doc
  }

export const queueWebhooksAfterDelete =
  (collection: string): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await queueWebhookEvent(req, { id: doc.id, collection, data: { id: doc.id, slug: doc.slug }, event: 'delete' })
  }
