import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { hu } from '@payloadcms/translations/languages/hu'
import { nb } from '@payloadcms/translations/languages/nb'
import { nl } from '@payloadcms/translations/languages/nl'
import { pt } from '@payloadcms/translations/languages/pt'
import { ro } from '@payloadcms/translations/languages/ro'
import { sv } from '@payloadcms/translations/languages/sv'
import path from 'node:path'
import { buildConfig, type Config, type PayloadRequest } from 'payload'

import { collections, globals } from './collections'
import { findHotlinesQuery } from './collections/Hotlines/graphql/findHotlines'
import { boundedSharp } from './collections/Media/imageLimits'
import { plugins } from './plugins'
import { hasRole } from './src/access/roles'
import { databaseAdapter, parseDatabaseUri } from './src/db'
import { richTextEditor } from './src/fields/richTextEditor'
import { emailAdapter } from './src/lib/email'
import { readEnvironment } from './src/lib/env'
import { defaultLocale, locales } from './src/lib/locales'
import { loggerConfig } from './src/lib/logger'
import { projectRoot } from './src/lib/paths'
import { logJobRun, runQueuedJobs } from './src/lib/runQueuedJobs'

const env = readEnvironment()

const adminsOnly = ({ req }: { req: PayloadRequest }) => hasRole(req.user, 'admin')

export default buildConfig({
  admin: {
    // Gravatar would send a hash of every editor's e-mail address to a third party.
    avatar: 'default',
    importMap: {
      // Components live in plugins/*/components as well as src/, so paths resolve from the root.
      baseDir: projectRoot,
      importMapFile: path.join(projectRoot, 'src/app/(payload)/admin/importMap.js'),
    },
    meta: { titleSuffix: ' · Joint Efforts CMS' },
    user: 'users',
  },
  collections,
  // Browsers on these origins may call the API; cookie-authenticated requests from anywhere else
  // are refused by Payload's CSRF check.
  cors: env.corsOrigins,
  csrf: [env.serverUrl, ...env.corsOrigins],
  db: databaseAdapter(parseDatabaseUri(env.databaseUri, env.mongodbCompat)),
  editor: richTextEditor(),
  email: emailAdapter({
    fromAddress: env.emailFromAddress,
    fromName: env.emailFromName,
    outboxFile: env.emailOutboxFile,
    smtpUrl: env.smtpUrl,
  }),
  globals,
  graphQL: {
    disablePlaygroundInProduction: true,
    queries: (graphQL, schema) => ({ FindHotlines: findHotlinesQuery(graphQL, schema) }),
    schemaOutputFile: path.join(projectRoot, 'schema.graphql'),
  },
  // Albanian (sq) has no admin translation in Payload; its editors get English.
  i18n: {
    fallbackLanguage: 'en',
    supportedLanguages: { de, en, fr, hu, nb, nl, pt, ro, sv },
  },
  // Queued work (webhook deliveries, bulk translation checks, reminders, prints) runs in the job
  // worker (src/worker.ts), and every 10 s in a server started with RUN_JOBS=true (`npm run dev`:
  // one process for a newcomer); tests run the queue explicitly. Decided here, not only by
  // getPayload's `cron` flag: Payload's REST handler calls getPayload({ cron: true }) on every
  // request, which would start the crons in any process that serves the API.
  // Running, queueing or cancelling jobs over the API is for admins: Payload's default lets any
  // authenticated caller do it, API keys included. The system's own runs use the Local API.
  jobs: {
    access: { cancel: adminsOnly, queue: adminsOnly, run: adminsOnly },
    autoRun: env.runJobs ? [{ cron: '*/10 * * * * *' }] : [],
    // The cron's run is the worker's (stale claims released, each job taken by one process only)
    // instead of Payload's, whose claim two processes can both win: a server left with RUN_JOBS=true
    // beside a worker must not deliver a webhook twice.
    shouldAutoRun: async (payload) => {
      logJobRun(payload, await runQueuedJobs(payload, { claimTimeoutMs: env.jobClaimTimeoutMs }))
      return false
    },
  },
  localization: {
    defaultLocale,
    fallback: true,
    locales: locales.map(({ code, label }) => ({ code, label })),
  },
  logger: loggerConfig({ isProduction: env.isProduction, level: env.logLevel }),
  // Refusals are the system working as intended: keep them out of the error log.
  loggingLevels: {
    AuthenticationError: 'info',
    Forbidden: 'info',
    // Login throttling (collections/Users/hooks/throttleLogin.ts) replaced Payload's LockedAuth. Its
    // error is not one of the names Payload's type lists, but levels are looked up by `err.name`.
    ...({ LoginThrottledError: 'warn' } as object),
    NotFound: 'info',
    // A where on a field the caller may not read.
    QueryError: 'info',
    ValidationError: 'info',
    // Refusals of over-large or malformed queries (plugins/delivery-api/errors.ts) and searches
    // (plugins/public-search/utilities/searchArgs.ts). Payload looks levels up by `err.name` but
    // types the keys as its own error names only.
    ...({ QueryRefusedError: 'info', SearchRefusedError: 'info' } as Config['loggingLevels']),
  },
  plugins,
  secret: env.payloadSecret,
  serverURL: env.serverUrl,
  // Every decode refuses images over the upload limit (decompression bombs), whatever Payload asks.
  sharp: boundedSharp,
  telemetry: false,
  typescript: {
    // Generating types spawns a child process that keeps Jest alive; `npm run generate` does it instead.
    autoGenerate: false,
    outputFile: path.join(projectRoot, 'src/payload-types.ts'),
  },
  upload: {
    abortOnLimit: true,
    limits: { fileSize: env.uploadMaxBytes },
    responseOnLimit: `File is larger than the ${Math.round(env.uploadMaxBytes / 1024 / 1024)} MB limit.`,
  },
})
