import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { buildConfig } from 'payload'

import { translationInterchange } from '../../../plugins/translation-interchange'
import { translationWorkflow } from '../../../plugins/translation-workflow'

type Member = { collection?: string; languages?: unknown; level?: unknown } | null | undefined

/** This project's people are `members` with a `level` and the `languages` they translate into, not users with roles. */
const isMember = (user: Member) => user?.collection === 'members'
const isEditor = (user: Member) => isMember(user) && user!.level === 'editor'
const isTranslatorFor = (user: Member, locale: string) =>
  isMember(user) && Array.isArray(user!.languages) && user!.languages.includes(locale)

/** Slugs of the interchange's collections in this config: none of the defaults. */
export const SLUGS = { glossary: 'terms', importJournal: 'upload-log', memory: 'tm-pairs' } as const

/**
 * The translation workflow and the interchange in a Payload that is not this CMS: articles with a
 * localized title and rich-text body written in German and translated into French, members instead
 * of users, other slugs for the interchange's glossary, memory and import journal.
 */
export default buildConfig({
  admin: { user: 'members' },
  collections: [
    {
      slug: 'members',
      auth: true,
      fields: [
        { name: 'level', type: 'select', options: ['editor', 'translator'] },
        { name: 'languages', type: 'select', hasMany: true, options: ['fr'] },
      ],
    },
    {
      slug: 'articles',
      access: {
        create: ({ req }) => isEditor(req.user),
        read: () => true,
        update: ({ req }) => isEditor(req.user),
      },
      fields: [
        { name: 'title', type: 'text', localized: true },
        { name: 'body', type: 'richText', localized: true },
      ],
      versions: { drafts: true },
    },
  ],
  // Always SQLite, on a fresh file in this test file's work folder (environment.ts), whichever
  // database the suite runs on: the plugins' code does not depend on the adapter.
  db: sqliteAdapter({ client: { url: `file:${path.join(process.env.JEC_TEST_WORK_DIR!, 'minimal.db')}` } }),
  editor: lexicalEditor(),
  localization: { defaultLocale: 'de', locales: ['de', 'fr'] },
  plugins: [
    translationWorkflow({ access: { isEditor, isTranslatorFor }, collections: ['articles'], notifications: false, usersCollection: 'members' }),
    translationInterchange({ access: { isEditor, isTranslatorFor }, slugs: SLUGS }),
  ],
  secret: process.env.PAYLOAD_SECRET!,
  typescript: { autoGenerate: false },
})
