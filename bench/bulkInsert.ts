/**
 * Multi-row inserts for "flat" collections on SQLite. payload.db.create costs about 2 ms per row
 * whatever the row (measured: 500 translation tasks in 1.0 s, with or without a transaction); one
 * multi-row INSERT of the same 500 rows takes 21 ms. Translation tasks are 9 per document, so at
 * 10k documents this is the difference between 3 minutes and 4 seconds.
 *
 * Flat means every field is a single, non-localized column of the collection's own table, so the
 * row needs no locale, array, relationship or hasMany side tables. Anything else, or another
 * database, goes through payload.db.create instead.
 */
import type { CollectionSlug, FlattenedField, Payload, SanitizedCollectionConfig } from 'payload'

type Insertable = { values(rows: Array<Record<string, unknown>>): Promise<unknown> }
type DrizzleAdapter = {
  drizzle: { insert(table: unknown): Insertable }
  tableNameMap: Map<string, string>
  tables: Record<string, Record<string, unknown>>
}

const columnTypes = new Set(['checkbox', 'code', 'date', 'email', 'json', 'number', 'radio', 'relationship', 'select', 'text', 'textarea', 'upload'])

const isColumn = (field: FlattenedField): boolean =>
  columnTypes.has(field.type) &&
  !('localized' in field && field.localized) &&
  !('hasMany' in field && field.hasMany) &&
  !('relationTo' in field && Array.isArray(field.relationTo)) &&
  !('virtual' in field && field.virtual)

function sqliteTable(payload: Payload, collection: SanitizedCollectionConfig): Record<string, unknown> | undefined {
  if (payload.db.name !== 'sqlite' || !collection.flattenedFields.every(isColumn)) {
    return undefined
  }
  const adapter = payload.db as unknown as DrizzleAdapter
  const table = adapter.tables[adapter.tableNameMap.get(collection.slug.replace(/-/g, '_')) ?? '']
  // Relationship columns are keyed by field name in Payload's drizzle schema; check every key.
  return table && collection.flattenedFields.every((field) => field.name in table) ? table : undefined
}

/** Inserts the rows, 500 per statement (well under SQLite's bound-variable limit). */
export async function insertRows(payload: Payload, collection: SanitizedCollectionConfig, rows: Array<Record<string, unknown>>): Promise<void> {
  const table = sqliteTable(payload, collection)
  if (!table) {
    for (const data of rows) {
      await payload.db.create({ collection: collection.slug as CollectionSlug, data, returning: false })
    }
    return
  }
  const adapter = payload.db as unknown as DrizzleAdapter
  for (let start = 0; start < rows.length; start += 500) {
    await adapter.drizzle.insert(table).values(rows.slice(start, start + 500))
  }
}
