import type { CollectionSlug, Payload } from 'payload'

export type RateWindow = { hits: number; resetAt: Date }

/** Counts requests per client key in windows stored in the rate-limit counters collection. */
export type RateCounterStore = {
  /** Drops finished windows. */
  deleteExpired(): Promise<void>
  /**
   * Adds one hit to a client's window and returns the window's total and end, atomically, so
   * several app instances on one database count together. A window opens at the client's first
   * request and lasts `windowMs`; the first hit after it ends opens the next one. (Windows aligned
   * to the clock would let a burst straddling the boundary through at twice the limit.)
   */
  increment(key: string, windowMs: number): Promise<RateWindow>
}

type RateCounterModel = {
  findOneAndUpdate(filter: object, update: object, options: object): Promise<{ expiresAt: Date | string; hits: number } | null>
}
type MongooseDb = { collections: Record<string, RateCounterModel | undefined> }
type SqliteDb = { client?: { execute(statement: { args: unknown[]; sql: string }): Promise<unknown> }; tableNameMap?: Map<string, string> }

/**
 * Payload's database API has no atomic "increment or restart" (its updateOne reads, then writes),
 * so the one write that must be atomic is done in each adapter's own terms: a conditional
 * findOneAndUpdate on MongoDB, an upsert with RETURNING on SQLite. The adapter is recognised by
 * Payload's `payload.db.name`; another adapter is refused when the store is made, at start.
 */
export function rateCounterStore(payload: Payload, collection: CollectionSlug): RateCounterStore {
  const deleteExpired = async () => {
    await payload.db.deleteMany({ collection, where: { expiresAt: { less_than: new Date().toISOString() } } })
  }
  if (payload.db.name === 'mongoose') {
    return { deleteExpired, increment: (key, windowMs) => incrementOnMongo(payload.db as unknown as MongooseDb, collection, key, windowMs) }
  }
  const sqlite = payload.db as unknown as SqliteDb
  if (payload.db.name === 'sqlite' && sqlite.client) {
    // Payload's SQL table names follow the slug in snake case (and may be shortened: ask the adapter).
    const snake = collection.replace(/-/g, '_')
    const table = sqlite.tableNameMap?.get(snake) ?? snake
    return { deleteExpired, increment: (key, windowMs) => incrementOnSqlite(sqlite, table, key, windowMs) }
  }
  throw new Error(`The delivery API's rate limiter supports the mongoose and sqlite database adapters, not "${payload.db.name}".`)
}

async function incrementOnMongo(db: MongooseDb, collection: string, key: string, windowMs: number): Promise<RateWindow> {
  const now = new Date()
  const nowIso = now.toISOString()
  const nextEnd = new Date(now.getTime() + windowMs).toISOString()
  const model = db.collections[collection]!
  const options = { lean: true, new: true }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const open = await model.findOneAndUpdate({ expiresAt: { $gt: nowIso }, key }, { $inc: { hits: 1 }, $set: { updatedAt: nowIso } }, options)
    if (open) {
      return { hits: Number(open.hits), resetAt: new Date(open.expiresAt) }
    }
    try {
      // Restarts an ended window, or creates the first; if another instance got there first the
      // unique key refuses the insert and the next attempt counts into that window instead.
      const opened = await model.findOneAndUpdate(
        { expiresAt: { $lte: nowIso }, key },
        { $set: { expiresAt: nextEnd, hits: 1, updatedAt: nowIso }, $setOnInsert: { createdAt: nowIso } },
        { ...options, upsert: true },
      )
      return { hits: Number(opened?.hits ?? 1), resetAt: new Date(opened?.expiresAt ?? nextEnd) }
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) {
        throw error
      }
    }
  }
  throw new Error(`rate-limit counter ${key} kept changing under concurrent writes`)
}

async function incrementOnSqlite(db: SqliteDb, table: string, key: string, windowMs: number): Promise<RateWindow> {
  const now = new Date()
  const nowIso = now.toISOString()
  const nextEnd = new Date(now.getTime() + windowMs).toISOString()
  // In SQLite's UPDATE every right-hand side reads the row's old values, so both CASEs test the
  // same, old expiry.
  const result = (await db.client!.execute({
    args: [key, nextEnd, nowIso, nowIso],
    sql: `INSERT INTO "${table}" (key, hits, expires_at, updated_at, created_at) VALUES (?, 1, ?, ?, ?)
          ON CONFLICT(key) DO UPDATE SET
            hits = CASE WHEN expires_at <= excluded.updated_at THEN 1 ELSE hits + 1 END,
            expires_at = CASE WHEN expires_at <= excluded.updated_at THEN excluded.expires_at ELSE expires_at END,
            updated_at = excluded.updated_at
          RETURNING hits, expires_at`,
  })) as { rows: Array<{ expires_at: string; hits: number }> }
  const row = result.rows[0]
  return { hits: Number(row?.hits ?? 1), resetAt: new Date(row?.expires_at ?? nextEnd) }
}
