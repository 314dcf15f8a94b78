import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'
import { buildConfig, type CollectionSlug } from 'payload'

import { phaseGate } from '../../../plugins/phase-gate'

type Member = { collection?: string; level?: unknown } | null | undefined

/** This project's roles are a `level` on `members`: the plugin learns them only from `access`. */
const isMember = (user: Member) => user?.collection === 'members'
const levelOf = (user: Member) => (isMember(user) ? user!.level : undefined)

/**
 * The phase gate in a Payload that is not this CMS: stages instead of phases, handbooks gated by
 * them, members with a level instead of users with roles, other slugs for the gate's collections.
 */
export default buildConfig({
  collections: [
    { slug: 'members', auth: true, fields: [{ name: 'name', type: 'text' }, { name: 'level', type: 'text' }] },
    {
      slug: 'stages',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'number', type: 'number' },
        { name: 'status', type: 'text' },
      ],
    },
    {
      slug: 'handbooks',
      access: { create: () => true, read: () => true, update: () => true },
      fields: [
        { name: 'title', type: 'text' },
        { name: 'stage', type: 'relationship', relationTo: 'stages' as CollectionSlug },
      ],
      versions: { drafts: true },
    },
  ],
  // Always SQLite, on a fresh file in this test file's work folder (environment.ts), whichever
  // database the suite runs on: the plugin's code does not depend on the adapter.
  db: sqliteAdapter({ client: { url: `file:${path.join(process.env.JEC_TEST_WORK_DIR!, 'minimal.db')}` } }),
  plugins: [
    phaseGate({
      access: {
        isAdmin: (user) => levelOf(user) === 'chair',
        isEditor: (user) => levelOf(user) === 'author',
        isStaff: isMember,
        isSteeringMember: (user) => levelOf(user) === 'board',
      },
      gated: [{ collection: 'handbooks', phaseField: 'stage' }],
      phases: { slug: 'stages' },
      slugs: { events: 'stage-log', gates: 'stage-gates', rounds: 'stage-rounds', votes: 'stage-votes' },
      users: { slug: 'members' },
    }),
  ],
  secret: process.env.PAYLOAD_SECRET!,
  typescript: { autoGenerate: false },
})
