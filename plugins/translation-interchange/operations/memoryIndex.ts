import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { MemoryEntry } from '../utilities/memory'

type Id = number | string


/**
 * The reads a memory lookup makes of the index fields (collections/TranslationMemory.ts), one
 * implementation per database adapter. Each takes a whole batch in a few statements; none holds
 * the memory in the process, so an entry another instance wrote is found by the next lookup.
 */
export type MemoryIndexStore = {
  /** Ids of the entries with one of these source hashes: the exact matches, whatever the fuzzy bounds. */
  byHash(hashes: string[]): Promise<Array<{ id: Id; sourceHash: string }>>
  /** The entries themselves, of the given locale pair only. */
  entries(ids: Id[], locales: { sourceLocale: string; targetLocale: string }): Promise<MemoryEntry[]>
  /** How many entries hold each key, counted up to `cap` only: beyond it a key is common, and exactly how common does not matter. */
  frequencies(keys: string[], cap: number): Promise<Map<string, number>>
  /** Per lookup, the entries holding every one of its keys, at most `limit`: for a segment made of common words only. */
  holdingAll(keys: string[], limit: number): Promise<Id[]>
  /**
   * Per lookup, the entries holding any of its keys, each with the sum of the weights of the keys it
   * holds. Its keys' postings are few (the caller chose them so).
   */
  sharing(lookups: Array<Array<{ key: string; weight: number }>>): Promise<Array<Map<Id, number>>>
}

const FUZZY_KEYS_PATH = 'fuzzyKeys'

const chunked = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size))

type SqlChunk = unknown
type SqlTag = ((strings: TemplateStringsArray, ...values: unknown[]) => SqlChunk) & {
  identifier(name: string): SqlChunk
  join(chunks: SqlChunk[], separator: SqlChunk): SqlChunk
}
type Drizzle = { all(query: SqlChunk): Promise<Array<Record<string, unknown>>> }
type SqliteAdapter = { drizzle: Drizzle; sessions: Record<string, { db?: Drizzle } | undefined>; tableNameMap: Map<string, string> }

/**
 * SQLite: raw statements over the entries table and its hasMany texts table (whose `text` column
 * the field's `index: true` indexes), as public-search does: Payload's find would join the texts
 * table once per condition and shape every row. A compound SELECT has at most 500 terms and a
 * statement a bounded number of variables: the chunk sizes stay well under both.
 */
async function sqliteStore(req: PayloadRequest, slug: string): Promise<MemoryIndexStore> {
  const { sql } = (await import('@payloadcms/db-sqlite')) as unknown as { sql: SqlTag }
  const adapter = req.payload.db as unknown as SqliteAdapter
  const tableName = adapter.tableNameMap.get(slug.replace(/-/g, '_'))
  if (!tableName) {
    throw new Error(`translation-interchange: no table for ${slug}`)
  }
  // Inside the caller's transaction when there is one (a lookup after a write of the same request).
  const db = (req.transactionID && adapter.sessions[String(await req.transactionID)]?.db) || adapter.drizzle
  const entries = sql.identifier(tableName)
  const texts = sql.identifier(`${tableName}_texts`)
  const list = (values: readonly unknown[]) => sql.join(values.map((value) => sql`${value}`), sql`, `)
  return {
    byHash: async (hashes) => {
      const rows = await Promise.all(
        chunked(hashes, 500).map((chunk) => db.all(sql`SELECT id, source_hash AS sourceHash FROM ${entries} WHERE source_hash IN (${list(chunk)})`)),
      )
      return rows.flat() as Array<{ id: Id; sourceHash: string }>
    },
    entries: async (ids, { sourceLocale, targetLocale }) => {
      const rows = await Promise.all(
        chunked(ids, 500).map((chunk) =>
          db.all(
            sql`SELECT id, source, target, context, origin FROM ${entries}
                WHERE id IN (${list(chunk)}) AND source_locale = ${sourceLocale} AND target_locale = ${targetLocale}`,
          ),
        ),
      )
      return rows.flat() as MemoryEntry[]
    },
    frequencies: async (keys, cap) => {
      const counts = new Map<string, number>()
      for (const chunk of chunked(keys, 200)) {
        const counted = chunk.map(
          (key) => sql`SELECT ${key} AS key, (SELECT count(*) FROM (SELECT 1 FROM ${texts} WHERE text = ${key} LIMIT ${cap})) AS n`,
        )
        for (const row of await db.all(sql.join(counted, sql` UNION ALL `))) {
          counts.set(String(row.key), Number(row.n))
        }
      }
      return counts
    },
    holdingAll: async (keys, limit) => {
      const [first, ...others] = keys
      const alsoHolding = others.map(
        (key) => sql` AND EXISTS (SELECT 1 FROM ${texts} o WHERE o.parent_id = k.parent_id AND o.path = ${FUZZY_KEYS_PATH} AND o.text = ${key})`,
      )
      const rows = await db.all(
        sql`SELECT k.parent_id AS id FROM ${texts} k WHERE k.path = ${FUZZY_KEYS_PATH} AND k.text = ${first}${sql.join(alsoHolding, sql``)} LIMIT ${limit}`,
      )
      return rows.map((row) => row.id as Id)
    },
    sharing: async (lookups) => {
      const found = lookups.map(() => new Map<Id, number>())
      const pairs = lookups.flatMap((keys, index) => keys.map(({ key, weight }) => ({ index, key, weight })))
      for (const chunk of chunked(pairs, 300)) {
        const values = sql.join(
          chunk.map(({ index, key, weight }) => sql`(${index}, ${key}, ${weight})`),
          sql`, `,
        )
        // CROSS JOIN keeps the segments' keys the outer loop (SQLite's hint): each key is one range
        // of the text index, where the planner left alone walked the index and probed the keys.
        const rows = await db.all(
          sql`WITH q(n, key, weight) AS (VALUES ${values})
              SELECT q.n AS n, k.parent_id AS id, sum(q.weight) AS shared
              FROM q CROSS JOIN ${texts} k
              WHERE k.text = q.key
              GROUP BY q.n, k.parent_id`,
        )
        for (const row of rows) {
          const shared = found[Number(row.n)] as Map<Id, number>
          shared.set(row.id as Id, (shared.get(row.id as Id) ?? 0) + Number(row.shared))
        }
      }
      return found
    },
  }
}

type MongoModel = { countDocuments(filter: object, options: object): Promise<number> }
type MongoAdapter = { collections: Record<string, MongoModel>; sessions: Record<string, unknown> }

/**
 * MongoDB: Payload's adapter find, which turns `in` on the keys array into a multikey index lookup,
 * and for the frequencies the model's count with a limit (one count per key of the batch, each
 * stopping at the cap: an aggregation grouping the keys would read every posting of the common ones).
 */
async function mongoStore(req: PayloadRequest, slug: string): Promise<MemoryIndexStore> {
  const { db } = req.payload
  const collection = slug as CollectionSlug
  const adapter = db as unknown as MongoAdapter
  const session = req.transactionID ? adapter.sessions[String(await req.transactionID)] : undefined
  const find = async <T>(where: Where, select: Record<string, true>, limit?: number) =>
    (await db.find({ collection, limit, pagination: false, req, select: select as never, where })).docs as unknown as T[]
  return {
    byHash: async (hashes) => find<{ id: Id; sourceHash: string }>({ sourceHash: { in: hashes } }, { sourceHash: true }),
    entries: async (ids, { sourceLocale, targetLocale }) =>
      find<MemoryEntry>(
        { and: [{ id: { in: ids } }, { sourceLocale: { equals: sourceLocale } }, { targetLocale: { equals: targetLocale } }] },
        { context: true, origin: true, source: true, target: true },
      ),
    frequencies: async (keys, cap) => {
      const model = adapter.collections[slug] as MongoModel
      const counts = new Map<string, number>()
      for (const chunk of chunked(keys, 20)) {
        const numbers = await Promise.all(chunk.map((key) => model.countDocuments({ [FUZZY_KEYS_PATH]: key }, { limit: cap, session })))
        chunk.forEach((key, index) => counts.set(key, numbers[index] as number))
      }
      return counts
    },
    holdingAll: async (keys, limit) => (await find<{ id: Id }>({ and: keys.map((key) => ({ fuzzyKeys: { in: [key] } })) }, { id: true }, limit)).map(({ id }) => id),
    sharing: async (lookups) => {
      const found = lookups.map(() => new Map<Id, number>())
      for (const chunk of chunked(lookups.map((keys, index) => ({ index, keys })), 100)) {
        const keys = [...new Set(chunk.flatMap((lookup) => lookup.keys.map(({ key }) => key)))]
        if (keys.length === 0) {
          continue
        }
        for (const doc of await find<{ fuzzyKeys?: string[]; id: Id }>({ fuzzyKeys: { in: keys } }, { fuzzyKeys: true })) {
          const held = new Set(doc.fuzzyKeys ?? [])
          for (const lookup of chunk) {
            const shared = lookup.keys.reduce((sum, { key, weight }) => sum + (held.has(key) ? weight : 0), 0)
            if (shared > 0) {
              found[lookup.index]?.set(doc.id, shared)
            }
          }
        }
      }
      return found
    },
  }
}

/** The index reads for the configured database; the plugin's memory works on SQLite and MongoDB. */
export const memoryIndexStore = async (req: PayloadRequest, slug: string): Promise<MemoryIndexStore> => {
  if (req.payload.db.name === 'sqlite') {
    return sqliteStore(req, slug)
  }
  if (req.payload.db.name === 'mongoose') {
    return mongoStore(req, slug)
  }
  throw new Error(`translation-interchange's memory works on SQLite and MongoDB; this database is ${req.payload.db.name}.`)
}
