import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { letOthersIn } from '../utilities/letOthersIn'

/** An index entry as a search ranks it (its keys are never read back). */
export type MatchedEntry = { collection: string; doc: string; docId: string; locale: string; snippet?: null | string; title?: null | string }

export type MatchQuery = {
  collections: readonly string[]
  /** Most entries to return. */
  limit: number
  locales: readonly string[]
  /** Per query word, the keys of which an entry must hold one. */
  wordKeys: readonly (readonly string[])[]
}

type SqlChunk = unknown
type SqlTag = ((strings: TemplateStringsArray, ...values: unknown[]) => SqlChunk) & {
  identifier(name: string): SqlChunk
  join(chunks: SqlChunk[], separator: SqlChunk): SqlChunk
}
type SqliteAdapter = { drizzle: { all(query: SqlChunk): Promise<Array<Record<string, unknown>>> }; tableNameMap: Map<string, string> }

/**
 * SQLite: one statement, each word's entries found through the index on the keys table and
 * intersected there. Payload's own find would put one condition per word on the same join (an entry
 * would need one key matching every word), and reads and shapes every row on the event loop.
 */
async function sqliteMatches(req: PayloadRequest, slug: string, { collections, limit, locales, wordKeys }: MatchQuery): Promise<MatchedEntry[]> {
  const { sql } = (await import('@payloadcms/db-sqlite')) as unknown as { sql: SqlTag }
  const adapter = req.payload.db as unknown as SqliteAdapter
  const table = adapter.tableNameMap.get(slug.replace(/-/g, '_'))
  if (!table) {
    throw new Error(`public-search: no table for ${slug}`)
  }
  const list = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `)
  const perWord = wordKeys.map((keys) => sql`SELECT parent_id FROM ${sql.identifier(`${table}_texts`)} WHERE path = 'keys' AND text IN (${list(keys)})`)
  const rows = await adapter.drizzle.all(
    sql`SELECT collection, doc, doc_id AS docId, locale, title, snippet FROM ${sql.identifier(table)}
        WHERE id IN (${sql.join(perWord, sql` INTERSECT `)}) AND locale IN (${list(locales)}) AND collection IN (${list(collections)})
        LIMIT ${limit}`,
  )
  return rows as unknown as MatchedEntry[]
}

/**
 * The entries holding a key of every word, in the given locales and collections, at most `limit`.
 * A count through the adapter comes first: it answers "nothing" without the full query, and it is
 * how the response cache learns that the answer read the index (it sees only the adapter's own
 * methods), so that a publish adding an entry voids cached searches.
 */
export async function matchEntries(req: PayloadRequest, slug: string, query: MatchQuery): Promise<MatchedEntry[]> {
  const { payload } = req
  const scope: Where[] = [{ locale: { in: [...query.locales] } }, { collection: { in: [...query.collections] } }]
  const { totalDocs } = await payload.db.count({ collection: slug as CollectionSlug, req, where: { and: [...scope, { keys: { in: [...query.wordKeys[0]!] } }] } })
  if (totalDocs === 0) {
    return []
  }
  await letOthersIn()
  if (payload.db.name === 'sqlite') {
    return sqliteMatches(req, slug, query)
  }
  if (payload.db.name !== 'mongoose') {
    throw new Error(`public-search works on SQLite and MongoDB; this database is ${payload.db.name}.`)
  }
  // MongoDB matches each condition against the keys array on its own: one condition per word is an AND of words.
  const { docs } = await payload.db.find({
    collection: slug as CollectionSlug,
    limit: query.limit,
    pagination: false,
    req,
    select: { collection: true, doc: true, docId: true, locale: true, snippet: true, title: true } as never,
    where: { and: [...scope, ...query.wordKeys.map((keys) => ({ keys: { in: [...keys] } }))] },
  })
  return docs as unknown as MatchedEntry[]
}
