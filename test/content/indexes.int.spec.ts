/**
 * Public sites list published documents in each collection's order, and every read of a localized
 * document fetches its translations. Without the right indexes both cost grows with the size of
 * the collection (issue 9: "use indexes"); these tests ask the database how it runs them.
 */
import type { Payload } from 'payload'

import { bootPayload, shutdownPayload } from '../helpers/payload'

const onMongo = (process.env.DATABASE_URI ?? '').startsWith('mongodb')

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(async () => {
  await shutdownPayload(payload)
})

type SqliteClient = { execute(sql: string): Promise<{ rows: Array<Record<string, unknown>> }> }

const sqlite = () => (payload.db as unknown as { client: SqliteClient }).client

const queryPlan = async (sql: string) =>
  (await sqlite().execute(`EXPLAIN QUERY PLAN ${sql}`)).rows.map((row) => String(row.detail)).join('\n')

// The list order each collection's public reads use by default (`defaultSort`, else newest first).
const listOrders: Array<[slug: string, field: string, column: string]> = [
  ['deliverables', 'createdAt', 'created_at'],
  ['hotlines', 'createdAt', 'created_at'],
  ['partners', 'createdAt', 'created_at'],
  ['phases', 'number', 'number'],
  ['reports', 'createdAt', 'created_at'],
  ['training-modules', 'order', 'order'],
]

describe('a public list', () => {
  test.each(listOrders)(
    'of %s reads published documents in %s order from an index, with no sort of all of them',
    async (slug, field, column) => {
      if (onMongo) {
        const model = (payload.db as unknown as { collections: Record<string, { listIndexes(): Promise<Array<{ key: object }>> }> })
          .collections[slug]!
        expect((await model.listIndexes()).map(({ key }) => key)).toContainEqual({ _status: 1, [field]: 1 })
        return
      }
      const plan = await queryPlan(
        `SELECT id FROM ${slug.replace(/-/g, '_')} WHERE _status = 'published' ORDER BY "${column}" DESC LIMIT 10`,
      )
      expect(plan).toMatch(/USING (COVERING )?INDEX \S*_status_/)
      expect(plan).not.toMatch(/TEMP B-TREE/)
    },
  )
})

describe('a translator’s queue', () => {
  test('lists a locale’s open tasks by priority and counts them per status from indexes', async () => {
    if (onMongo) {
      const model = (payload.db as unknown as { collections: Record<string, { listIndexes(): Promise<Array<{ key: object }>> }> })
        .collections['translation-tasks']!
      const keys = (await model.listIndexes()).map(({ key }) => key)
      expect(keys).toContainEqual({ assignee: 1, locale: 1, priorityRank: 1 })
      expect(keys).toContainEqual({ assignee: 1, locale: 1, status: 1 })
      return
    }
    const list = await queryPlan(
      `SELECT id FROM translation_tasks WHERE locale IN ('nl') AND assignee_id IS NULL ORDER BY priority_rank DESC, due_date, created_at LIMIT 25`,
    )
    expect(list).toMatch(/USING INDEX \S+ \(locale=\? AND assignee_id=\?\)/)
    expect(list).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
    const count = await queryPlan(
      `SELECT count(*) FROM translation_tasks WHERE locale IN ('nl') AND assignee_id IS NULL AND status = 'outdated'`,
    )
    expect(count).toMatch(/USING COVERING INDEX \S+ \(locale=\? AND status=\? AND assignee_id=\?\)/)
  })
})

// MongoDB keeps a document's translations inside it; SQL keeps them in `<table>_locales` tables.
;(onMongo ? describe.skip : describe)('reading a document’s translations', () => {
  test('finds them through an index on the parent in every locales table', async () => {
    // Payload's locales tables: a `_locale` and a `_parent_id` column (a select field named
    // "locales" makes a `…_locales` table of another shape).
    const { rows } = await sqlite().execute(
      `SELECT name FROM sqlite_master AS m WHERE type = 'table'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = '_locale')
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = '_parent_id')`,
    )
    const tables = rows.map(({ name }) => String(name))
    expect(tables).toEqual(expect.arrayContaining(['deliverables_locales', 'hotlines_locales', '_deliverables_v_locales']))
    const scanned = []
    for (const table of tables) {
      const plan = await queryPlan(`SELECT * FROM "${table}" WHERE _parent_id = 1`)
      if (!/USING INDEX/.test(plan)) {
        scanned.push(`${table}: ${plan}`)
      }
    }
    expect(scanned).toEqual([])
  })
})
