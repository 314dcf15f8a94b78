/**
 * "Bare Payload": the project's collections and globals with the same fields, locales, database,
 * editor and logger, but without the project's plugins, hooks and access rules. The benchmark
 * boots it next to the real config so that ours/bare ratios show what our own code costs.
 *
 * Mirrors payload.config.ts on purpose (same building blocks from src/), minus plugins and jobs.
 * Validators, defaults, versions/drafts, uploads and auth stay: they are Payload's own features.
 */
import type { Access, CollectionConfig, Field, GlobalConfig } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections, globals } from '../collections'
import { databaseAdapter, parseDatabaseUri } from '../src/db'
import { emailAdapter } from '../src/lib/email'
import { readEnvironment } from '../src/lib/env'
import { defaultLocale, locales } from '../src/lib/locales'
import { loggerConfig } from '../src/lib/logger'

type Loose = Record<string, unknown>

/** Anyone reads everything; other operations keep Payload's default (any signed-in user). */
const allowReads: Access = () => true

const withoutKeys = (object: Loose, keys: string[]): Loose =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)))

/** Removes `hooks` and `access` from a field and, recursively, from every field nested in it. */
export function stripField(field: Field): Field {
  const stripped = withoutKeys(field as unknown as Loose, ['access', 'hooks'])
  if (Array.isArray(stripped.fields)) {
    stripped.fields = stripFields(stripped.fields as Field[])
  }
  if (Array.isArray(stripped.tabs)) {
    stripped.tabs = (stripped.tabs as Loose[]).map((tab) => ({ ...tab, fields: stripFields(tab.fields as Field[]) }))
  }
  if (Array.isArray(stripped.blocks)) {
    stripped.blocks = (stripped.blocks as Loose[]).map((block) => ({ ...block, fields: stripFields(block.fields as Field[]) }))
  }
  return stripped as unknown as Field
}

export const stripFields = (fields: Field[]): Field[] => fields.map(stripField)

export function bareCollection(collection: CollectionConfig): CollectionConfig {
  const stripped = withoutKeys(collection as unknown as Loose, ['access', 'hooks']) as unknown as CollectionConfig
  return { ...stripped, access: { read: allowReads }, fields: stripFields(collection.fields) }
}

export function bareGlobal(global: GlobalConfig): GlobalConfig {
  const stripped = withoutKeys(global as unknown as Loose, ['access', 'hooks']) as unknown as GlobalConfig
  return { ...stripped, access: { read: allowReads }, fields: stripFields(global.fields) }
}

const env = readEnvironment()

export default buildConfig({
  admin: { user: 'users' },
  collections: collections.map(bareCollection),
  cors: env.corsOrigins,
  csrf: [env.serverUrl, ...env.corsOrigins],
  db: databaseAdapter(parseDatabaseUri(env.databaseUri, env.mongodbCompat)),
  editor: lexicalEditor(),
  email: emailAdapter({ fromAddress: env.emailFromAddress, fromName: env.emailFromName }),
  globals: globals.map(bareGlobal),
  graphQL: { disablePlaygroundInProduction: true },
  localization: {
    defaultLocale,
    fallback: true,
    locales: locales.map(({ code, label }) => ({ code, label })),
  },
  // The same JSON access log as ours: log volume is part of the cost both sides pay.
  logger: loggerConfig({ isProduction: env.isProduction, level: env.logLevel }),
  secret: env.payloadSecret,
  serverURL: env.serverUrl,
  sharp,
  telemetry: false,
  typescript: { autoGenerate: false },
  upload: { abortOnLimit: true, limits: { fileSize: env.uploadMaxBytes } },
})
