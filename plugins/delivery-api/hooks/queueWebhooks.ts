import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import type { Announcement, Id, WebhookOptions } from '../operations/webhookEvents'

import { isPubliclyVisible, release, reserve, takeReservation } from '../operations/webhookEvents'

/** All a site may know of the live document. */
const publicSummary = (doc: Record<string, unknown>) => ({ id: doc.id, slug: doc.slug, updatedAt: doc.updatedAt })
/** A document that is gone from public view is named by its id only: its current fields may never have been public. */
const goneSummary = (id: unknown) => ({ id })

/**
 * Notes, before the write, whether the public could see the document, and reserves deliveries
 * when the write may announce something: it publishes, or the document was public (an update
 * that makes it internal, moves it to an unreleased phase or unpublishes it must say it is gone).
 * The previous document Payload hands to afterChange is the latest version, which after a
 * per-locale publish or a draft save is a draft even while the document is live, so it cannot
 * tell an unpublish.
 */
export const reserveWebhooksBeforeChange =
  (options: WebhookOptions, collection: string): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const id = operation === 'update' ? (originalDoc?.id as Id | undefined) : undefined
    await reserve(req, options, {
      id,
      collection,
      events: ['publish', 'unpublish'],
      mayAnnounce: async () => {
        const wasPublic = id !== undefined && (await isPubliclyVisible(req, collection, id))
        return wasPublic || data._status === 'published' ? { wasPublic } : null
      },
    })
    return data
  }

/** publish: the live version changed and the public sees it; unpublish: the public no longer sees it. Draft saves tell sites nothing. */
export const queueWebhooksAfterChange =
  (options: WebhookOptions, collection: string): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    const reservation = takeReservation(req, collection, operation === 'update' ? (doc.id as Id) : undefined)
    if (!reservation && doc._status !== 'published') {
      // Nobody listens, or the write could announce nothing: no read of the stored document.
      return doc
    }
    const isPublic = await isPubliclyVisible(req, collection, doc.id as Id)
    let announcement: Announcement | null = null
    if (doc._status === 'published' && isPublic) {
      announcement = { id: doc.id, collection, data: publicSummary(doc), event: 'publish' }
    } else if (reservation?.wasPublic && !isPublic) {
      announcement = { id: doc.id, collection, data: goneSummary(doc.id), event: 'unpublish' }
    }
    await release(req, options, reservation, announcement)
    return doc
  }

/** Only a document the public could see is announced as deleted: the others never existed for subscribers. */
export const reserveWebhooksBeforeDelete =
  (options: WebhookOptions, collection: string): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await reserve(req, options, {
      id,
      collection,
      events: ['delete'],
      mayAnnounce: async () => ((await isPubliclyVisible(req, collection, id)) ? { wasPublic: true } : null),
    })
  }

export const queueWebhooksAfterDelete =
  (options: WebhookOptions, collection: string): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    const reservation = takeReservation(req, collection, id)
    if (reservation) {
      await release(req, options, reservation, { id, collection, data: goneSummary(id), event: 'delete' })
    }
  }
