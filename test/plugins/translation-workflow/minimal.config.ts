import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'
import { buildConfig } from 'payload'

import { translationWorkflow } from '../../../plugins/translation-workflow'

type Member = { collection?: string; languages?: unknown; level?: unknown } | null | undefined

/** This project's people are `members` with a `level` and the `languages` they translate: the plugin learns them only from its predicates. */
const isLead = (user: Member) => user?.collection === 'members' && user.level === 'lead'
const translates = (user: Member, locale: string) =>
  user?.collection === 'members' && Array.isArray(user.languages) && user.languages.includes(locale)

/**
 * The translation workflow in a Payload that is not this CMS: articles written in German and
 * translated into French and Italian, members instead of users with roles, no `admin.user` (the
 * plugin takes the first auth collection), another slug for its tasks.
 */
export default buildConfig({
  collections: [
    {
      slug: 'members',
      auth: true,
      fields: [
        { name: 'level', type: 'select', options: ['lead', 'linguist'] },
        { name: 'languages', type: 'select', hasMany: true, options: ['de', 'fr', 'it'] },
      ],
    },
    {
      slug: 'articles',
      // Only leads write articles; translators get their locales through the workflow's tasks.
      access: { create: ({ req }) => isLead(req.user), read: () => true, update: ({ req }) => isLead(req.user) },
      fields: [
        { name: 'title', type: 'text', localized: true },
        { name: 'body', type: 'textarea', localized: true },
        { name: 'code', type: 'text' },
      ],
      versions: { drafts: true },
    },
  ],
  // Always SQLite, on a fresh file in this test file's work folder (environment.ts), whichever
  // database the suite runs on: the plugin's code does not depend on the adapter.
  db: sqliteAdapter({ client: { url: `file:${path.join(process.env.JEC_TEST_WORK_DIR!, 'minimal.db')}` } }),
  localization: { defaultLocale: 'de', locales: ['de', 'fr', 'it'] },
  plugins: [
    translationWorkflow({
      access: { isEditor: isLead, isTranslatorFor: translates },
      collections: ['articles'],
      slugs: { tasks: 'localisation-jobs' },
    }),
  ],
  secret: process.env.PAYLOAD_SECRET!,
  typescript: { autoGenerate: false },
})
