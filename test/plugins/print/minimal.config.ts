import type { Access, CollectionSlug } from 'payload'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'
import { buildConfig } from 'payload'

import { print } from '../../../plugins/print'

type Member = { collection?: string; level?: unknown } | null | undefined

/** This project's staff are `members` with a `level`: the plugin learns them only from `access`. */
const isMember = (user: Member) => user?.collection === 'members'
const isOwner = (user: Member) => isMember(user) && user!.level === 'owner'

const publishedOrMembers: Access = ({ req }) => isMember(req.user) || { _status: { equals: 'published' } }
const anyone: Access = () => true

export const workDir = path.join(process.env.JEC_TEST_WORK_DIR!, 'minimal-print')

/**
 * The print plugin in a Payload that is not this CMS: leaflets instead of deliverables (a type
 * `card` printed as the pocket card), helplines whose verification is kept by hand, lessons, a
 * `site` global, members with a level instead of users with roles, English and French, and other
 * slugs for the plugin's own collections.
 */
export default buildConfig({
  collections: [
    { slug: 'members', auth: true, fields: [{ name: 'level', type: 'text' }] },
    {
      slug: 'leaflets',
      access: { read: publishedOrMembers },
      fields: [
        { name: 'type', type: 'select', options: ['card', 'poster'], required: true },
        { name: 'title', type: 'text', localized: true, required: true },
        { name: 'slug', type: 'text' },
        { name: 'indicators', type: 'array', fields: [{ name: 'indicator', type: 'text', localized: true }] },
        { name: 'printCountry', type: 'text' },
        { name: 'lessons', type: 'relationship', hasMany: true, relationTo: 'lessons' as CollectionSlug },
      ],
      versions: { drafts: true },
    },
    {
      slug: 'helplines',
      access: { read: anyone },
      fields: [
        { name: 'name', type: 'text', localized: true },
        { name: 'country', type: 'text' },
        { name: 'phone', type: 'text' },
        {
          name: 'verification',
          type: 'group',
          fields: [
            { name: 'status', type: 'select', options: ['never', 'current', 'due', 'overdue'] },
            { name: 'nextDueAt', type: 'date' },
          ],
        },
      ],
    },
    { slug: 'lessons', access: { read: anyone }, fields: [{ name: 'title', type: 'text', localized: true }] },
  ],
  // Always SQLite, on a fresh file in this test file's work folder (environment.ts), whichever
  // database the suite runs on: the plugin's code does not depend on the adapter.
  db: sqliteAdapter({ client: { url: `file:${path.join(workDir, 'minimal.db')}` } }),
  globals: [
    {
      slug: 'site',
      access: { read: anyone },
      fields: [
        { name: 'name', type: 'text', localized: true },
        { name: 'fundingStatement', type: 'text', localized: true },
      ],
    },
  ],
  localization: { defaultLocale: 'en', fallback: true, locales: ['en', 'fr'] },
  // The queue logs every run at info; the suite's own logs stay at error.
  logger: { options: { level: 'error' } },
  plugins: [
    print({
      access: { isEditor: isOwner, isStaff: isMember },
      onlineUrl: ({ slug, locale }) => `https://leaflets.example.org/${locale}/${slug}`,
      slugs: { editions: 'leaflet-prints', files: 'leaflet-print-files' },
      sources: { deliverables: 'leaflets', hotlines: 'helplines', programme: 'site', templates: { card: 'pocket-card' }, trainingModules: 'lessons' },
      staticDir: path.join(workDir, 'files'),
    }),
  ],
  secret: process.env.PAYLOAD_SECRET!,
  typescript: { autoGenerate: false },
})
