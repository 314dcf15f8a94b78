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
 * SQLite: driven from the keys table's text index and joined to the entries, so a common word stops
 * at `limit` entries instead of collecting all of its matches (28,000 of 40,000 entries: 45 ms for
 * the whole set); every further word is a set the entry must be in. The first word's title keys
 * are looked up before its body key: the candidates kept when a query matches more than `limit`
 * are the ones ranked highest. Payload's own find would put one condition per word on the same
 * join (one key would have to match every word) and shape every row on the event loop.
 */
async function sqliteMatches(req: PayloadRequest, slug: string, { collections, limit, locales, wordKeys }: MatchQuery): Promise<MatchedEntry[]> {
  const { sql } = (await import('@payloadcms/db-sqlite')) as unknown as { sql: SqlTag }
  const adapter = req.payload.db as unknown as SqliteAdapter
  const table = adapter.tableNameMap.get(slug.replace(/-/g, '_'))
  if (!table) {
    throw new Error(`public-search: no table for ${slug}`)
  }
  const entries = sql.identifier(table)
  const keysTable = sql.identifier(`${table}_texts`)
  const list = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `)
  const [first, ...others] = wordKeys as [readonly string[], ...(readonly string[])[]]
  const everyOtherWord = others.map((keys) => sql` AND e.id IN (SELECT parent_id FROM ${keysTable} WHERE path = 'keys' AND text IN (${list(keys)}))`)
  const matching = (keys: readonly string[], count: number) =>
    adapter.drizzle.all(
      sql`SELECT DISTINCT e.id, e.collection, e.doc, e.doc_id AS docId, e.locale, e.title, e.snippet
          FROM ${keysTable} k JOIN ${entries} e ON e.id = k.parent_id
          WHERE k.path = 'keys' AND k.text IN (${list(keys)}) AND e.locale IN (${list(locales)}) AND e.collection IN (${list(collections)})${sql.join(everyOtherWord, sql``)}
          LIMIT ${count}`,
    )
  const inTitle = await matching(first.filter((key) => key.startsWith('t:')), limit)
  if (inTitle.length >= limit) {
    return inTitle as unknown as MatchedEntry[]
  }
  await letOthersIn()
  const seen = new Set(inTitle.map(({ id }) => id))
  const inBody = (await matching(first.filter((key) => !key.startsWith('t:')), limit)).filter(({ id }) => !seen.has(id))
  return [...inTitle, ...inBody].slice(0, limit) as unknown as MatchedEntry[]
}

/**
 * The entries holding a key of every word, in the given locales and collections, at most `limit`.
 * On SQLite the match is a statement of its own, which the response cache does not see (it sees
 * only the adapter's methods): a one-row read of the index through the adapter tells it that the
 * answer read the index, so that a publish adding an entry voids cached searches.
 */
export async function matchEntries(req: PayloadRequest, slug: string, query: MatchQuery): Promise<MatchedEntry[]> {
  const { payload } = req
  const scope: Where[] = [{ locale: { in: [...query.locales] } }, { collection: { in: [...query.collections] } }]
  if (payload.db.name === 'sqlite') {
    await payload.db.find({ collection: slug as CollectionSlug, limit: 1, pagination: false, req, select: { doc: true } as never, where: { and: scope } })
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
