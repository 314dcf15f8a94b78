import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { buildConfig } from 'payload'

import { publicSearch } from '../../../plugins/public-search'

/**
 * The public search in a Payload that is not this CMS: recipes (drafts, localized title, steps in
 * an array, a localized group) and chefs (no drafts, only some readable by the public), English and
 * French, the index under another slug, no other plugin.
 */
export default buildConfig({
  collections: [
    {
      slug: 'recipes',
      access: { read: ({ req }) => (req.user ? true : { _status: { equals: 'published' } }) },
      fields: [
        { name: 'title', type: 'text', localized: true },
        { name: 'steps', type: 'array', fields: [{ name: 'step', type: 'textarea', localized: true }] },
        { name: 'origin', type: 'group', fields: [{ name: 'region', type: 'text', localized: true }] },
        { name: 'costPrice', type: 'number', access: { read: ({ req }) => Boolean(req.user) } },
      ],
      versions: { drafts: true },
    },
    {
      slug: 'chefs',
      access: { read: ({ req }) => (req.user ? true : { listed: { equals: true } }) },
      fields: [
        { name: 'name', type: 'text' },
        { name: 'listed', type: 'checkbox' },
      ],
    },
    { slug: 'members', auth: true, fields: [] },
  ],
  // Always SQLite, on a fresh file in this test file's work folder (environment.ts).
  db: sqliteAdapter({ client: { url: `file:${path.join(process.env.JEC_TEST_WORK_DIR!, 'minimal.db')}` } }),
  editor: lexicalEditor(),
  localization: { defaultLocale: 'en', fallback: true, locales: ['en', 'fr'] },
  logger: { options: { level: 'error' } },
  plugins: [
    publicSearch({
      slug: 'finder-index',
      collections: [
        { slug: 'recipes', body: ['steps.step', 'origin.region'], title: 'title' },
        { slug: 'chefs', title: 'name' },
      ],
      limits: { maxLimit: 5 },
    }),
  ],
  secret: process.env.PAYLOAD_SECRET!,
  typescript: { autoGenerate: false },
})
