import type { Access } from 'payload'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'
import { buildConfig } from 'payload'

import { deliveryApi } from '../../../plugins/delivery-api'

type Member = { collection?: string; level?: unknown } | null | undefined

/** This project's staff are `members` with a `level`: the plugin learns them only from `access`. */
const isMember = (user: Member) => user?.collection === 'members'
const isOwner = (user: Member) => isMember(user) && user!.level === 'owner'

const publishedOrMembers: Access = ({ req }) => isMember(req.user) || { _status: { equals: 'published' } }

/**
 * The delivery API in a Payload that is not this CMS: articles with drafts and open notes, members
 * with a level instead of users with roles, other slugs for the plugin's own collections, a smaller
 * public page.
 */
export default buildConfig({
  collections: [
    { slug: 'members', auth: true, fields: [{ name: 'level', type: 'text' }] },
    {
      slug: 'articles',
      access: { create: ({ req }) => isMember(req.user), read: publishedOrMembers, update: ({ req }) => isMember(req.user) },
      fields: [
        { name: 'title', type: 'text' },
        { name: 'slug', type: 'text' },
      ],
      versions: { drafts: true },
    },
    { slug: 'notes', access: { read: () => true }, fields: [{ name: 'body', type: 'text' }] },
  ],
  // Always SQLite, on a fresh file in this test file's work folder (environment.ts), whichever
  // database the suite runs on: the plugin's code does not depend on the adapter.
  db: sqliteAdapter({ client: { url: `file:${path.join(process.env.JEC_TEST_WORK_DIR!, 'minimal.db')}` } }),
  plugins: [
    deliveryApi({
      access: { isAdmin: isOwner, isStaff: isMember },
      rest: { maxPublicLimit: 10 },
      slugs: { apiClients: 'site-keys', webhookDeliveries: 'site-hook-log', webhooks: 'site-hooks' },
    }),
  ],
  secret: process.env.PAYLOAD_SECRET!,
  typescript: { autoGenerate: false },
})
