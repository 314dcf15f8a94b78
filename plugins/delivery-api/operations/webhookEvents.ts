import type { Access, CollectionSlug, PayloadRequest, Where } from 'payload'

import { isolateObjectProperty } from 'payload'

import type { DeliveryApiContract, ResolvedDeliveryApiOptions } from '../types'

import { deliverWebhookTaskSlug } from '../constants'

/** What the webhook operations need of the options: where the webhooks and their deliveries are. */
export type WebhookOptions = Pick<ResolvedDeliveryApiOptions, 'slugs'>

export type Id = number | string
type Subscription = { collections?: null | string[]; events?: string[]; id: Id }
export type Announcement = { collection?: string; data: Record<string, unknown>; event: string; id?: Id }

/**
 * The request the plugin's own writes run on: the caller's transaction, a context of its own.
 * Payload's restoreVersion sets `isRestoringVersion` on the request's context, which makes every
 * nested create skip its field defaults (a delivery without its required `status` was refused
 * with 400 after the restored document had been saved); and a Local API call replaces the
 * context of the request it is given, which must not reach the caller's own hooks.
 */
function systemRequest(req: PayloadRequest): PayloadRequest {
  const system = isolateObjectProperty(req, 'context')
  const { isRestoringVersion: _ignored, ...context } = req.context
  system.context = context
  return system
}

/**
 * Whether an anonymous reader could see the stored document now: the collection's own read
 * access (with everything other plugins wrap around it: scopes, phase releases, report
 * visibility) evaluated for nobody, against the stored row. Subscribers are external sites, so
 * they hear only about what the public may see.
 */
export async function isPubliclyVisible(req: PayloadRequest, collectionSlug: string, id: Id): Promise<boolean> {
  // Any collection that announces: its slug comes from the config, not from the generated types.
  const collection = collectionSlug as CollectionSlug
  const read = req.payload.collections[collection]?.config.access.read as Access | undefined
  const anonymous = isolateObjectProperty(req, 'user')
  anonymous.user = null
  // `as number`: the generated types name SQLite's ids; on MongoDB they are strings.
  const allowed = read ? await read({ id: id as number, req: anonymous }) : false
  if (allowed === false) {
    return false
  }
  const byId: Where = { id: { equals: id } }
  // Rows only: no hooks or population for one yes/no on every write.
  const { totalDocs } = await req.payload.db.count({
    collection,
    req,
    where: allowed === true ? byId : { and: [byId, allowed] },
  })
  return totalDocs > 0
}

async function subscriptions(req: PayloadRequest, options: WebhookOptions, events: string[], collection: string | undefined) {
  const { docs } = await req.payload.find({
    collection: options.slugs.webhooks,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    // `in`, not `contains`: contains is a substring match, and "unpublish" contains "publish".
    where: { and: [{ active: { equals: true } }, { events: { in: events } }] },
  })
  const unique = [...new Map((docs as Subscription[]).map((webhook) => [String(webhook.id), webhook])).values()]
  return unique.filter((webhook) => !collection || !webhook.collections?.length || webhook.collections.includes(collection))
}

const bodyOf = ({ id, collection, data, event }: Announcement) => ({ id, collection, data, event, occurredAt: new Date().toISOString() })

async function queueDelivery(req: PayloadRequest, deliveryId: Id) {
  await req.payload.jobs.queue({ input: { deliveryId } as never, req, task: deliverWebhookTaskSlug as never })
}

/**
 * Records a delivery for every active webhook subscribed to the event and queues it. Runs inside
 * the triggering request's transaction where the database has one. A system action: the editor who
 * publishes need not be allowed to read webhook settings.
 */
export async function queueWebhookEvent(req: PayloadRequest, options: WebhookOptions, announcement: Announcement): Promise<number> {
  const system = systemRequest(req)
  const { data } = announcement
  const subscribed = await subscriptions(system, options, [announcement.event], announcement.collection)
  for (const webhook of subscribed) {
    const delivery = await system.payload.create({
      collection: options.slugs.webhookDeliveries,
      data: {
        body: bodyOf({ ...announcement, data }),
        collection: announcement.collection,
        documentId: announcement.id === undefined ? undefined : String(announcement.id),
        event: announcement.event,
        webhook: webhook.id,
      } as never,
      overrideAccess: true,
      req: system,
    })
    await queueDelivery(system, delivery.id)
  }
  return subscribed.length
}

/**
 * What a save or delete will announce is known only after it is written, but a failure to record
 * the deliveries must not leave a saved document behind on a database without transactions (the
 * embedded SQLite). So deliveries are reserved before the write, as `held` rows no job sends, and
 * released (or discarded) after it: a reservation that fails refuses the request before anything
 * of the document changed. A request that fails after its reservation leaves `held` rows, which
 * are never sent and are removed by the delivery task (`removeAbandonedReservations`).
 */
export type Reservation = { deliveries: Array<{ id: Id; webhook: Subscription }>; wasPublic: boolean }

/**
 * Kept in `req.context`, not keyed by the request object: Payload hands a restore's beforeChange
 * hooks a proxy of the request and its afterChange hooks the request itself, which share the
 * context; a Local API call replaces the context with a shallow copy, which keeps the entry.
 */
const reservationKey = (collection: string, id: Id | undefined) => `deliveryApiReservation:${collection}:${id === undefined ? 'new' : String(id)}`

/**
 * Reserves a delivery for each webhook subscribed to the events, when the write may announce one
 * of them (`mayAnnounce`, asked only when someone listens: it reads the stored document).
 */
export async function reserve(
  req: PayloadRequest,
  options: WebhookOptions,
  { id, collection, events, mayAnnounce }: { collection: string; events: string[]; id: Id | undefined; mayAnnounce: () => Promise<{ wasPublic: boolean } | null> },
) {
  const system = systemRequest(req)
  const subscribed = await subscriptions(system, options, events, collection)
  const decision = subscribed.length ? await mayAnnounce() : null
  if (!decision) {
    return
  }
  const { wasPublic } = decision
  const deliveries: Reservation['deliveries'] = []
  for (const webhook of subscribed) {
    const delivery = await system.payload.create({
      collection: options.slugs.webhookDeliveries,
      data: {
        collection,
        documentId: id === undefined ? undefined : String(id),
        event: events[0],
        status: 'held',
        webhook: webhook.id,
      } as never,
      overrideAccess: true,
      req: system,
    })
    deliveries.push({ id: delivery.id, webhook })
  }
  // Assigned after the awaited writes, so no Local API call replaces the context after it.
  req.context[reservationKey(collection, id)] = { deliveries, wasPublic } satisfies Reservation
}

export function takeReservation(req: PayloadRequest, collection: string, id: Id | undefined): Reservation | undefined {
  const key = reservationKey(collection, id)
  const reservation = req.context[key] as Reservation | undefined
  delete req.context[key]
  return reservation
}

/** Sends the reserved deliveries whose webhook wants the event; drops the rest. */
export async function release(req: PayloadRequest, options: WebhookOptions, reservation: Reservation | undefined, announcement: Announcement | null) {
  if (!reservation) {
    // Not reserved (the write did not look as if it could announce anything): queue directly.
    if (announcement) {
      await queueWebhookEvent(req, options, announcement)
    }
    return
  }
  const system = systemRequest(req)
  for (const { id, webhook } of reservation.deliveries) {
    if (announcement && webhook.events?.includes(announcement.event)) {
      await system.payload.update({
        id,
        collection: options.slugs.webhookDeliveries,
        data: {
          body: bodyOf(announcement),
          documentId: announcement.id === undefined ? undefined : String(announcement.id),
          event: announcement.event,
          status: 'pending',
        } as never,
        overrideAccess: true,
        req: system,
      })
      await queueDelivery(system, id)
    } else {
      await system.payload.delete({ id, collection: options.slugs.webhookDeliveries, overrideAccess: true, req: system })
    }
  }
}

/**
 * What other plugins call through `config.custom.deliveryApi.emit`. Their events speak of a
 * document (the gate's decisions, of a phase): an announcement about one the public cannot read is
 * dropped, since subscribers are public sites. What the data may say is the emitting plugin's call.
 */
export const emitForPlugins =
  (options: WebhookOptions): DeliveryApiContract['emit'] =>
  async ({ req, ...announcement }) => {
    const { id, collection } = announcement
    if (collection && id !== undefined && !(await isPubliclyVisible(systemRequest(req), collection, id))) {
      return 0
    }
    return queueWebhookEvent(req, options, announcement)
  }
