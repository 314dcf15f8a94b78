import type { Access, AccessArgs, CollectionSlug, GlobalSlug, Payload, PayloadRequest } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

/** Payload's own collection of document locks, added when the config is sanitised. */
const LOCKS: CollectionSlug = 'payload-locked-documents'

type Relation<Slug extends string = string> = { relationTo?: Slug; value?: unknown }

/** A lock as stored: Payload's own collection, its relation slugs typed here once. */
type Lock = { document?: null | Relation<CollectionSlug>; globalSlug?: GlobalSlug | null; user?: null | Relation }

const idOf = (value: unknown): unknown => (value && typeof value === 'object' ? (value as { id?: unknown }).id : value)

/** Whether the lock names the signed-in user as its holder. */
const heldBySelf = (req: PayloadRequest, lock: Lock): boolean =>
  Boolean(req.user && lock.user?.relationTo === req.user.collection && String(idOf(lock.user.value)) === String(req.user.id))

/**
 * Whether the user may update what the lock is on, by that document's (or global's) own update
 * rule, the one Payload would apply to the save the lock protects. A rule answering with a filter
 * is asked whether the document matches it.
 */
const mayUpdateLocked = async (req: PayloadRequest, lock: Lock): Promise<boolean> => {
  if (lock.document?.relationTo) {
    const collection = req.payload.collections[lock.document.relationTo]
    const id = idOf(lock.document.value) as number | string | undefined
    if (!collection || id === undefined || id === null) {
      return false
    }
    const granted = await collection.config.access.update({ id, req } as AccessArgs)
    if (typeof granted !== 'object') {
      return Boolean(granted)
    }
    const { totalDocs } = await req.payload.count({
      collection: collection.config.slug,
      overrideAccess: true,
      req,
      where: { and: [{ id: { equals: id } }, granted] },
    })
    return totalDocs > 0
  }
  const global = lock.globalSlug ? req.payload.config.globals.find((candidate) => candidate.slug === lock.globalSlug) : null
  return global ? Boolean(await global.access.update({ req })) : false
}

const storedLock = (req: PayloadRequest, id: number | string) =>
  req.payload.db.findOne({ collection: LOCKS, req, where: { id: { equals: id } } }) as Promise<Lock | null>

/**
 * Stock Payload lets any signed-in user create, take over and delete any lock. A document locked
 * by someone else cannot be saved over REST (423) for five minutes, renewable: a translator or a
 * steering member could hold a hotline no editor can correct. Here a lock is taken, taken over
 * (its holder set to oneself) or released only by someone who may update what it locks; one's own
 * lock may always be released. A lock is always taken in one's own name. Without a lock id (a bulk
 * update or delete) only workflow editors pass. Wraps whatever rule the config already set.
 */
export const guardDocumentLocks = (payload: Payload, options: ResolvedTranslationWorkflowOptions): void => {
  const locks = payload.collections[LOCKS]?.config
  if (!locks) {
    return
  }
  const wrap =
    (original: Access, rule: (args: AccessArgs) => Promise<boolean>): Access =>
    async (args) => {
      const granted = await original(args)
      return granted && (await rule(args)) ? granted : false
    }
  const { access } = locks
  access.create = wrap(access.create, async ({ data, req }) => heldBySelf(req, (data ?? {}) as Lock) && mayUpdateLocked(req, data as Lock))
  access.update = wrap(access.update, async ({ id, data, req }) => {
    if (id === undefined) {
      return options.access.isEditor(req.user)
    }
    const stored = await storedLock(req, id)
    const change = (data ?? {}) as Lock
    return Boolean(
      stored &&
        (change.user === undefined || heldBySelf(req, change)) &&
        (await mayUpdateLocked(req, stored)) &&
        (change.document === undefined && change.globalSlug === undefined ? true : await mayUpdateLocked(req, { ...stored, ...change })),
    )
  })
  access.delete = wrap(access.delete, async ({ id, req }) => {
    if (id === undefined) {
      return options.access.isEditor(req.user)
    }
    const stored = await storedLock(req, id)
    return Boolean(stored && (heldBySelf(req, stored) || (await mayUpdateLocked(req, stored))))
  })
}
