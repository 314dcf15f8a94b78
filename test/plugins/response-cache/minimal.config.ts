import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { buildConfig, type CollectionSlug } from 'payload'

import { memoryStore, responseCache } from '../../../plugins/response-cache'

/** The test's clock: the embargo rule and the cache read the same one. */
export const clock = { now: Date.parse('2030-01-01T00:00:00Z') }

/**
 * The response cache in a Payload that is not this CMS: articles with an author relation and an
 * embargo that ends with the clock (an access rule comparing dates), a site global, no drafts, no
 * other plugin.
 */
export default buildConfig({
  collections: [
    { slug: 'authors', access: { read: () => true }, fields: [{ name: 'name', type: 'text' }] },
    {
      slug: 'articles',
      // Shown until the embargo's end only: the answer changes with time alone.
      access: { read: () => ({ or: [{ shownUntil: { exists: false } }, { shownUntil: { greater_than: new Date(clock.now).toISOString() } }] }) },
      fields: [
        { name: 'title', type: 'text' },
        { name: 'author', type: 'relationship', relationTo: 'authors' as CollectionSlug },
        { name: 'shownUntil', type: 'date' },
      ],
    },
  ],
  // Always SQLite, on a fresh file in this test file's work folder (environment.ts).
  db: sqliteAdapter({ client: { url: `file:${path.join(process.env.JEC_TEST_WORK_DIR!, 'minimal.db')}` } }),
  editor: lexicalEditor(),
  endpoints: [
    // Its answer is this request's own: it says so, and must not be stored.
    { handler: () => Response.json({ at: Math.random() }, { headers: { 'Cache-Control': 'no-store' } }), method: 'get', path: '/token' },
  ],
  globals: [{ slug: 'site', access: { read: () => true }, fields: [{ name: 'motto', type: 'text' }] }],
  logger: { options: { level: 'error' } },
  plugins: [
    responseCache({
      changesWithTime: { articles: (doc) => [doc.shownUntil as string | undefined] },
      now: () => clock.now,
      store: memoryStore({ maxBytes: 1024 * 1024 }),
      ttlSeconds: 60,
    }),
  ],
  secret: process.env.PAYLOAD_SECRET!,
  typescript: { autoGenerate: false },
})
