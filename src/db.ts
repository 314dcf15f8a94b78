/**
 * The one module that knows which database the CMS runs on. Everything else talks to Payload's
 * adapter-neutral API; if you find yourself importing a database package elsewhere, add a function
 * here instead.
 */
import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload, PayloadRequest } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ValidationError } from 'payload'

import { migrations } from '../migrations'
import { ConfigurationError } from './lib/env'
import { projectRoot } from './lib/paths'

export type DatabaseTarget = { compat?: string; kind: 'mongodb'; url: string } | { filePath: string; kind: 'sqlite'; url: string }

export const defaultSqliteFile = path.join(projectRoot, 'data', 'cms.db')

const acceptedForms =
  'DATABASE_URI must be unset (embedded SQLite at ./data/cms.db), file:<path> (SQLite), or mongodb:// / mongodb+srv:// (MongoDB)'

/** Reads DATABASE_URI into a target; anything unrecognised is a start-up error, never a guess. */
export function parseDatabaseUri(uri: string | undefined, compat?: string): DatabaseTarget {
  if (!uri) {
    return { filePath: defaultSqliteFile, kind: 'sqlite', url: `file:${defaultSqliteFile}` }
  }
  if (uri.startsWith('file:')) {
    const rawPath = uri.slice('file:'.length)
    if (!rawPath) {
      throw new ConfigurationError(`${acceptedForms}; "file:" needs a path.`)
    }
    const filePath = rawPath.startsWith('//') ? fileURLToPath(uri) : path.resolve(projectRoot, rawPath)
    return { filePath, kind: 'sqlite', url: `file:${filePath}` }
  }
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) {
    return { compat, kind: 'mongodb', url: uri }
  }
  throw new ConfigurationError(`${acceptedForms}; got "${uri.split(':')[0]}:…".`)
}

type MongooseAdapter = BaseDatabaseAdapter & { collections: Record<string, MongooseModel> }
type MongooseModel = {
  exists(filter: object): Promise<unknown>
  schema: { indexes(): Array<[Record<string, unknown>, { unique?: boolean }]> }
}

/**
 * What a MongoDB-compatible server that lacks features Payload uses needs: Payload's own adapter
 * options where one exists, and narrow wrappers around adapter methods where none does. Chosen by
 * an explicit flag (JEC_MONGODB_COMPAT), never by sniffing the server; docs/mongodb.md lists the
 * failing operation behind each entry.
 */
type MongodbCompat = {
  patches: Array<(adapter: MongooseAdapter) => void>
  settings: Partial<Parameters<typeof mongooseAdapter>[0]>
}

const mongodbCompat: Record<string, MongodbCompat> = {
  ferretdb: {
    patches: [returnWholeDocumentsFromUpdates, nameCollidingUniqueField],
    settings: {
      // FerretDB's SQLite backend has 100 connections per database, and a findAndModify holds two
      // at once (its query cursor, then the update's transaction): 100 concurrent ones, the driver's
      // default pool, deadlock the database for good. Fewer than half of 100 cannot.
      connectOptions: { maxPoolSize: 32 },
      // FerretDB has no multi-document transactions (commands carrying `autocommit` are refused).
      // The adapter already skips them on a URI without `replicaSet`; this holds whatever the URI says.
      transactionOptions: false,
    },
  },
}

/**
 * Payload's SQL schema gives each `<table>_locales` table a unique index on (_locale, _parent_id)
 * but none that starts with _parent_id, and reads a document's translations with
 * `where _parent_id = ?`. SQLite cannot use the unique index for that, so every document read
 * scanned the whole locales table: the cost of a list grew with the size of the collection.
 */
const indexLocalesByParent: SQLiteSchemaHook = ({ extendTable, schema }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (name.endsWith('_locales') && table._parentID) {
      extendTable({ extraConfig: (columns) => ({ _parentIndex: index(`${name}_parent_idx`).on(columns._parentID) }), table })
    }
  }
  return schema
}

/**
 * A hasMany text field's values live in `<table>_texts` (parent_id, path, text); Payload indexes
 * `text` alone. Lookups by value want the parent: the translation memory's fuzzy keys and the public
 * search's keys are read as `text = ? → parent_id`, thousands of rows per lookup. With `text` alone
 * each row meant a second read of the table for its parent_id; (text, parent_id) answers from the
 * index (4,581 memory postings: 18–19 ms → 1–8 ms at 100,000 entries).
 */
const indexTextsByValueAndParent: SQLiteSchemaHook = ({ extendTable, schema }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (name.endsWith('_texts') && table.text && table.parent) {
      extendTable({ extraConfig: (columns) => ({ _textParentIndex: index(`${name}_text_parent_idx`).on(columns.text, columns.parent) }), table })
    }
  }
  return schema
}

export function databaseAdapter(target: DatabaseTarget): DatabaseAdapterObj {
  if (target.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(target.filePath), { recursive: true })
    const adapter = sqliteAdapter({
      afterSchemaInit: [indexLocalesByParent, indexTextsByValueAndParent],
      // Several processes may share the file (instances behind one proxy, a CLI beside the
      // server): a writer waits for another's lock instead of failing at once with "database is
      // locked", and in WAL mode readers never wait for a writer.
      busyTimeout: 5_000,
      client: { url: target.url },
      migrationDir: path.join(projectRoot, 'migrations'),
      prodMigrations: migrations,
      wal: true,
    })
    return {
      ...adapter,
      init: (args) => {
        const instance = adapter.init(args)
        refuseMigratingDevelopmentDatabase(instance, target.filePath)
        return instance
      },
    }
  }
  const compat = target.compat ? mongodbCompat[target.compat] : undefined
  if (target.compat && !compat) {
    throw new ConfigurationError(`JEC_MONGODB_COMPAT must be one of ${Object.keys(mongodbCompat).join(', ')}; got "${target.compat}".`)
  }
  const adapter = mongooseAdapter({
    // Build every index before serving: unique indexes (slugs, one task per document and locale,
    // one vote per member) must hold from the first write on a new database, and queries must not
    // race index builds (mongo-java-server failed a count that way, now and then, in the suite).
    ensureIndexes: true,
    ...compat?.settings,
    migrationDir: path.join(projectRoot, 'migrations'),
    url: target.url,
  })
  if (!compat?.patches.length) {
    return adapter
  }
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args)
      compat.patches.forEach((patch) => patch(instance as unknown as MongooseAdapter))
      return instance
    },
  }
}

/**
 * A database the development server made by schema push cannot take the committed migrations: they
 * would create tables that are already there. Payload's own answer is an interactive "data loss
 * will occur … (y/N)" prompt, which without a terminal (a service manager, CI, a container) made
 * `npm start` exit 0 without serving (finding 22). Production refuses such a database with one line
 * instead; `npm start` reports it as a configuration error and exits 1.
 */
function refuseMigratingDevelopmentDatabase(instance: BaseDatabaseAdapter, filePath: string): void {
  const migrate = instance.migrate.bind(instance)
  instance.migrate = async (args) => {
    const client = (instance as unknown as { client: SqliteExecutor }).client
    const query = async (sql: string) => ((await client.execute({ args: [], sql })) as { rows: unknown[] }).rows.length > 0
    const pushedInDevelopment =
      (await query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'`)) &&
      (await query('SELECT 1 FROM payload_migrations WHERE batch = -1 LIMIT 1'))
    if (pushedInDevelopment) {
      const shown = filePath.startsWith(projectRoot + path.sep) ? `./${path.relative(projectRoot, filePath)}` : filePath
      throw new ConfigurationError(
        `the SQLite database ${shown} was created by the development server (schema push) and cannot be migrated for production; give production its own database, e.g. DATABASE_URI=file:./data/production.db (see README, Production).`,
      )
    }
    return migrate(args)
  }
}

/**
 * The adapter turns an update's `select` into a findAndModify projection, which FerretDB refuses
 * (NotImplemented), e.g. when a failed login counts the attempt. Without `select` the whole updated
 * document comes back, still in one atomic command; Payload's afterRead removes what was not selected.
 */
function returnWholeDocumentsFromUpdates(adapter: MongooseAdapter): void {
  for (const method of ['updateOne', 'updateVersion', 'updateGlobal', 'updateGlobalVersion'] as const) {
    const update = adapter[method].bind(adapter) as (args: { select?: unknown }) => Promise<unknown>
    Object.assign(adapter, { [method]: (args: { select?: unknown }) => update({ ...args, select: undefined }) })
  }
}

/**
 * MongoDB's duplicate-key error names the index and the key; FerretDB's names only the collection,
 * so the adapter's ValidationError cannot say which field must be unique. This finds the unique
 * index that the refused write collides with and names its field, as the adapter does on MongoDB.
 */
function nameCollidingUniqueField(adapter: MongooseAdapter): void {
  const create = adapter.create.bind(adapter)
  adapter.create = (args) => withCollidingFieldNamed(adapter, () => create(args), { ...args, ownId: async () => undefined })
  const updateOne = adapter.updateOne.bind(adapter)
  adapter.updateOne = (args) =>
    withCollidingFieldNamed(adapter, () => updateOne(args), {
      ...args,
      // The document being updated keeps its own values; only another document can collide.
      ownId: async () =>
        args.id ?? (await adapter.findOne({ collection: args.collection, req: args.req, select: { id: true }, where: args.where! }))?.id,
    })
}

type UniqueWrite = { collection: string; data: Record<string, unknown>; ownId: () => Promise<unknown>; req?: Partial<PayloadRequest> }

async function withCollidingFieldNamed<T>(
  adapter: MongooseAdapter,
  write: () => Promise<T>,
  { collection, data, ownId, req }: UniqueWrite,
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    const [unnamed, ...others] = error instanceof ValidationError ? error.data.errors : []
    const path =
      unnamed && !unnamed.path && !others.length ? await collidingUniquePath(adapter, collection, data, await ownId()) : undefined
    if (!path) {
      throw error
    }
    throw new ValidationError({ collection, errors: [{ message: unnamed!.message, path }] }, req?.t)
  }
}

async function collidingUniquePath(
  adapter: MongooseAdapter,
  collection: string,
  data: Record<string, unknown>,
  ownId: unknown,
): Promise<string | undefined> {
  const model = adapter.collections[collection]!
  for (const [keys, { unique }] of model.schema.indexes()) {
    const filter = Object.fromEntries(Object.keys(keys).map((key) => [key, valueAtPath(data, key)]))
    if (!unique || Object.values(filter).includes(undefined)) {
      continue
    }
    if (await model.exists(ownId === undefined ? filter : { ...filter, _id: { $ne: ownId } })) {
      // A localized field's index is on `<field>.<locale>`; the message names the field.
      const [path] = Object.keys(keys) as [string]
      const lastDot = path.lastIndexOf('.')
      const localeCodes = adapter.payload.config.localization ? adapter.payload.config.localization.localeCodes : []
      return lastDot > 0 && localeCodes.includes(path.slice(lastDot + 1)) ? path.slice(0, lastDot) : path
    }
  }
  return undefined
}

function valueAtPath(data: Record<string, unknown>, dottedPath: string): unknown {
  return dottedPath.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data)
}

/** Resolves when the database answers a trivial query within the time limit; rejects with the reason otherwise. */
export async function pingDatabase(payload: Payload, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([ping(payload), timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function ping(payload: Payload): Promise<void> {
  const db = payload.db as unknown as Record<string, unknown>
  if (payload.db.name === 'mongoose') {
    const connection = db.connection as { db?: { admin(): { ping(): Promise<unknown> } }; readyState: number }
    // readyState 1 = connected; mongoose would otherwise buffer the command until reconnect.
    if (connection.readyState !== 1 || !connection.db) {
      throw new Error('database connection is closed')
    }
    await connection.db.admin().ping()
    return
  }
  const client = sqliteClient(payload)
  // The drizzle adapter's destroy() drops its drizzle handle but keeps the client, so check both.
  if (!db.drizzle || !client || client.closed) {
    throw new Error('database connection is closed')
  }
  await client.execute('select 1')
}

type SqliteClient = { close(): void; closed?: boolean; execute(sql: string): Promise<unknown> }
type SqliteExecutor = { execute(statement: { args: unknown[]; sql: string }): Promise<unknown> }

function sqliteClient(payload: Payload): SqliteClient | undefined {
  return (payload.db as unknown as { client?: SqliteClient }).client
}

/**
 * Stops Payload's job crons and closes the database for good (Payload's destroy() leaves the
 * SQLite file handle open). In WAL mode the last writes may still sit in the `-wal` file after
 * close; they are folded into the database file first, so that a closed database is one file that
 * can be copied (the bench copies its seeded file; a copy without its WAL had lost the seed's last
 * writes and looked like an unmigrated development database).
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  await payload.destroy()
  if (payload.db.name !== 'mongoose') {
    const client = sqliteClient(payload)
    if (client && !client.closed) {
      await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
      client.close()
    }
  }
}

/**
 * Removes every collection of a MongoDB database (tests give each file its own database); SQLite
 * test databases are single files that the caller deletes after closeDatabase().
 */
export async function dropMongoDatabase(payload: Payload): Promise<void> {
  if (payload.db.name === 'mongoose') {
    const { connection } = payload.db as unknown as { connection: { dropDatabase(): Promise<unknown> } }
    await connection.dropDatabase()
  }
}

/**
 * The SQL that committed migrations still lack for the current config (SQLite only; MongoDB needs
 * no schema migrations). Empty when `migrations/` is up to date.
 */
export async function pendingMigrationStatements(payload: Payload): Promise<string[]> {
  if (payload.db.name === 'mongoose') {
    return []
  }
  type DrizzleKit = {
    generateDrizzleJson(schema: unknown): Promise<unknown>
    generateMigration(before: unknown, after: unknown): Promise<string[]>
  }
  const adapter = payload.db as unknown as { migrationDir: string; requireDrizzleKit(): DrizzleKit; schema: unknown }
  const { generateDrizzleJson, generateMigration } = adapter.requireDrizzleKit()
  const latest = fs
    .readdirSync(adapter.migrationDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .pop()
  if (!latest) {
    return ['(no migration yet)']
  }
  const committed = JSON.parse(fs.readFileSync(path.join(adapter.migrationDir, latest), 'utf8'))
  return generateMigration(committed, await generateDrizzleJson(adapter.schema))
}
