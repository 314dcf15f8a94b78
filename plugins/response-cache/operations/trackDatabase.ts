import type { Payload, PayloadRequest } from 'payload'

import { collectionTag, documentWriteTags, globalTag, listTag, pinnedIds, readTags } from '../utilities/tags'
import { currentAnswer } from './collector'

type Args = Record<string, unknown> & { req?: Partial<PayloadRequest> }
type Method = (args: Args) => Promise<unknown>
type Id = number | string

const idOf = (result: unknown): Id | undefined => {
  const id = (result as { id?: unknown } | null | undefined)?.id
  return typeof id === 'string' || typeof id === 'number' ? id : undefined
}

/** One document's tags when the write names it, else every answer that read the collection. */
const writeTags = (collection: string, id: Id | undefined, where: unknown, field = 'id'): string[] => {
  if (id !== undefined) {
    return documentWriteTags(collection, id)
  }
  const ids = pinnedIds(where, field)
  return ids ? ids.flatMap((each) => documentWriteTags(collection, each)) : [collectionTag(collection)]
}

/** What each read method of Payload's adapter API tags an answer with. */
const reads: Record<string, (args: Args) => string[]> = {
  count: (args) => readTags(String(args.collection), args.where),
  countGlobalVersions: (args) => [globalTag(String(args.global))],
  countVersions: (args) => readTags(String(args.collection), args.where, 'parent'),
  find: (args) => readTags(String(args.collection), args.where),
  findDistinct: (args) => readTags(String(args.collection), args.where),
  findGlobal: (args) => [globalTag(String(args.slug))],
  findGlobalVersions: (args) => [globalTag(String(args.global))],
  findOne: (args) => readTags(String(args.collection), args.where),
  findVersions: (args) => readTags(String(args.collection), args.where, 'parent'),
  queryDrafts: (args) => readTags(String(args.collection), args.where),
}

/** What each write method voids, from its arguments and what it returned. */
const writes: Record<string, (args: Args, result: unknown) => string[]> = {
  create: (args, result) => writeTags(String(args.collection), idOf(result), undefined),
  createGlobal: (args) => [globalTag(String(args.slug))],
  createGlobalVersion: (args) => [globalTag(String(args.globalSlug))],
  createVersion: (args) => writeTags(String(args.collectionSlug), args.parent as Id, undefined),
  deleteMany: (args) => writeTags(String(args.collection), undefined, args.where),
  deleteOne: (args, result) => writeTags(String(args.collection), idOf(result), args.where),
  deleteVersions: (args) => writeTags(String(args.collection), undefined, args.where, 'parent'),
  updateGlobal: (args) => [globalTag(String(args.slug))],
  updateGlobalVersion: (args) => [globalTag(String(args.global))],
  // Payload's job queue: no public answer reads it, but nothing here assumes so.
  updateJobs: () => [collectionTag('payload-jobs'), listTag('payload-jobs')],
  updateMany: (args) => writeTags(String(args.collection), undefined, args.where),
  updateOne: (args, result) => writeTags(String(args.collection), (args.id as Id | undefined) ?? idOf(result), args.where),
  updateVersion: (args, result) => writeTags(String(args.collection), (result as { parent?: Id } | null)?.parent, undefined),
  upsert: (args, result) => writeTags(String(args.collection), idOf(result), args.where),
}

const transactionOf = async (args: Args): Promise<Id | undefined> => {
  const id = args.req?.transactionID as Id | Promise<Id> | undefined
  return id instanceof Promise ? await id : id
}

/**
 * Wraps the database adapter's own methods, so that every read and write is seen whichever way it
 * came: Payload's operations (restore, duplicate, bulk by `where`, locks, jobs, GraphQL), hooks and
 * access rules that call `payload.db` directly, plugins. Reads inside a public answer add their
 * tags to it; every write voids its tags as soon as it is done, and once more when its transaction
 * commits: an answer computed between the two saw the data from before the commit.
 */
export function trackDatabase(db: Payload['db'], invalidate: (tags: string[]) => Promise<void>): void {
  const pendingByTransaction = new Map<Id, Set<string>>()
  const adapter = db as unknown as Record<string, Method>

  for (const [name, tagsOf] of Object.entries(reads)) {
    const original = adapter[name]
    if (typeof original !== 'function') {
      continue
    }
    adapter[name] = function trackedRead(this: unknown, args: Args) {
      const answer = currentAnswer()
      if (answer) {
        for (const tag of tagsOf(args)) {
          answer.tags.add(tag)
        }
      }
      return original.call(this, args)
    }
  }

  for (const [name, tagsOf] of Object.entries(writes)) {
    const original = adapter[name]
    if (typeof original !== 'function') {
      continue
    }
    adapter[name] = async function trackedWrite(this: unknown, args: Args) {
      const answer = currentAnswer()
      if (answer) {
        answer.wrote = true
      }
      const result = await original.call(this, args)
      const tags = tagsOf(args, result)
      await invalidate(tags)
      const transaction = await transactionOf(args)
      if (transaction !== undefined) {
        const pending = pendingByTransaction.get(transaction) ?? new Set()
        tags.forEach((tag) => pending.add(tag))
        pendingByTransaction.set(transaction, pending)
      }
      return result
    }
  }

  const commit = adapter.commitTransaction as unknown as (id: Id | Promise<Id>) => Promise<void>
  adapter.commitTransaction = async function trackedCommit(this: unknown, id: unknown) {
    await commit.call(this, id as Id)
    const resolved = id instanceof Promise ? ((await id) as Id) : (id as Id)
    const pending = pendingByTransaction.get(resolved)
    pendingByTransaction.delete(resolved)
    if (pending?.size) {
      await invalidate([...pending])
    }
  } as unknown as Method
  const rollback = adapter.rollbackTransaction as unknown as (id: Id | Promise<Id>) => Promise<void>
  adapter.rollbackTransaction = async function trackedRollback(this: unknown, id: unknown) {
    await rollback.call(this, id as Id)
    // The writes were voided when they were made; nothing they wrote is left to void.
    pendingByTransaction.delete(id instanceof Promise ? ((await id) as Id) : (id as Id))
  } as unknown as Method
}
