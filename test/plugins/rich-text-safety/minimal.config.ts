import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { buildConfig } from 'payload'

import { richTextProblem } from '@/lib/richTextSafety'

import { richTextSafety } from '../../../plugins/rich-text-safety'

/**
 * The rich-text boundary in a Payload that is not this CMS: pages with a plain Lexical field (none
 * of the project's editor hooks, so only the plugin stands between a request and the database), a
 * settings global, and a smaller depth bound.
 */
export default buildConfig({
  collections: [
    {
      slug: 'pages',
      access: { create: () => true, read: () => true },
      fields: [
        { name: 'title', type: 'text' },
        { name: 'body', type: 'richText' },
        { name: 'meta', type: 'json' },
      ],
    },
  ],
  // Always SQLite, on a fresh file in this test file's work folder (environment.ts), whichever
  // database the suite runs on: the plugin's code does not depend on the adapter.
  db: sqliteAdapter({ client: { url: `file:${path.join(process.env.JEC_TEST_WORK_DIR!, 'minimal.db')}` } }),
  editor: lexicalEditor(),
  globals: [{ slug: 'site-settings', access: { read: () => true, update: () => true }, fields: [{ name: 'footer', type: 'richText' }] }],
  plugins: [richTextSafety({ maxDataDepth: 40, richTextProblem })],
  secret: process.env.PAYLOAD_SECRET!,
  typescript: { autoGenerate: false },
})
