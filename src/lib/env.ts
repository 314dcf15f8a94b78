/**
 * Every environment variable the CMS reads, parsed in one place so a typo or a bad value fails at
 * start with one clear line instead of surfacing as odd behaviour later. README and .env.example
 * document the same list.
 */

import { localeCodes } from './locales'

export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/** How a process entry point (server, worker) ends when it cannot start: a configuration mistake gets one readable line, not a stack trace. */
export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof ConfigurationError) {
    console.error(`Configuration error: ${error.message}`)
  } else {
    console.error(error)
  }
  process.exit(1)
}

const isProduction = process.env.NODE_ENV === 'production'

function wholeNumber(name: string, fallback: number, minimum = 1): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') {
    return fallback
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < minimum) {
    throw new ConfigurationError(`${name} must be a whole number of at least ${minimum}, got "${raw}".`)
  }
  return value
}

/** Milliseconds that are whole seconds: Redis, where shared windows live, expires keys by the second. */
function wholeSeconds(name: string, fallback: number): number {
  const value = wholeNumber(name, fallback, 1000)
  if (value % 1000 !== 0) {
    throw new ConfigurationError(`${name} must be a whole number of seconds in milliseconds (a multiple of 1000), got "${value}".`)
  }
  return value
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name]
  if (raw === undefined || raw === '') {
    return fallback
  }
  if (raw === 'true' || raw === 'false') {
    return raw === 'true'
  }
  throw new ConfigurationError(`${name} must be "true" or "false", got "${raw}".`)
}

/**
 * An http(s) address with nothing after the path: it is printed on paper (the pocket cards' QR
 * codes), where a typo cannot be corrected once the cards are handed out.
 */
function siteUrl(name: string, fallback: string): string {
  const raw = process.env[name]
  if (raw === undefined || raw === '') {
    return fallback
  }
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new ConfigurationError(`${name} must be an http:// or https:// address without query, fragment or credentials, got "${raw}".`)
  }
  return raw.replace(/\/+$/, '')
}

// A fixed secret is acceptable only on a developer's machine: it signs session tokens.
const developmentSecret = 'joint-efforts-development-secret-do-not-use-in-production'

function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) {
    if (isProduction && secret.length < 32) {
      throw new ConfigurationError('PAYLOAD_SECRET must be at least 32 characters in production.')
    }
    return secret
  }
  // `next build` evaluates the config to collect page data but signs nothing: no secret needed yet.
  if (isProduction && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new ConfigurationError('PAYLOAD_SECRET is required in production (32+ random characters).')
  }
  return developmentSecret
}

/** redis:// or rediss:// (TLS); other schemes are a start-up error. */
function redisUrl(): string | undefined {
  const raw = process.env.REDIS_URL
  if (!raw) {
    return undefined
  }
  if (!/^rediss?:\/\/[^/]/.test(raw)) {
    throw new ConfigurationError(`REDIS_URL must be redis://[user:password@]host:port[/db] or rediss://…, got "${raw.split(':')[0]}:…".`)
  }
  return raw
}

/** The S3-compatible media store: all of S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or none. */
function s3Storage() {
  const bucket = process.env.S3_BUCKET || undefined
  const accessKeyId = process.env.S3_ACCESS_KEY_ID || undefined
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY || undefined
  if (!bucket && !accessKeyId && !secretAccessKey) {
    return undefined
  }
  if (!bucket || !accessKeyId || !secretAccessKey) {
    throw new ConfigurationError('S3 media storage needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together (or none of them for local disk).')
  }
  return {
    accessKeyId,
    bucket,
    /** Another S3-compatible service (SeaweedFS, MinIO, moto…); unset for AWS. */
    endpoint: process.env.S3_ENDPOINT ? siteUrl('S3_ENDPOINT', '') : undefined,
    /** Path-style addressing (http://host/bucket/key), which most self-hosted stores need. */
    forcePathStyle: flag('S3_FORCE_PATH_STYLE', Boolean(process.env.S3_ENDPOINT)),
    region: process.env.S3_REGION || 'us-east-1',
    secretAccessKey,
  }
}

function cdnPurge(): undefined | { token: string; url: string } {
  const url = process.env.CDN_PURGE_URL || undefined
  const token = process.env.CDN_PURGE_TOKEN || undefined
  if (!url && !token) {
    return undefined
  }
  if (!url || !token || token.length < 16) {
    throw new ConfigurationError('CDN_PURGE_URL and CDN_PURGE_TOKEN go together, and the token needs at least 16 characters.')
  }
  return { token, url: siteUrl('CDN_PURGE_URL', url) }
}

export const MACHINE_TRANSLATION_PROVIDERS = ['deepl', 'openai', 'libretranslate'] as const

export type MachineTranslationProviderName = (typeof MACHINE_TRANSLATION_PROVIDERS)[number]

function providerName(name: string, raw: string): MachineTranslationProviderName | null {
  if (raw === 'off') {
    return null
  }
  if (!(MACHINE_TRANSLATION_PROVIDERS as readonly string[]).includes(raw)) {
    throw new ConfigurationError(`${name} must be off, ${MACHINE_TRANSLATION_PROVIDERS.join(', ')}; got "${raw}".`)
  }
  return raw as MachineTranslationProviderName
}

/**
 * Machine-translation suggestions: off unless MT_PROVIDER or MT_PROVIDER_BY_LOCALE names a provider,
 * and then that provider's settings must all be there, or the server does not start.
 */
function machineTranslation() {
  const defaultProvider = providerName('MT_PROVIDER', process.env.MT_PROVIDER || 'off')
  const byLocale: Record<string, MachineTranslationProviderName | null> = {}
  for (const pair of (process.env.MT_PROVIDER_BY_LOCALE ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const [locale, provider, ...rest] = pair.split('=').map((part) => part.trim())
    if (!locale || provider === undefined || rest.length > 0 || !(localeCodes as readonly string[]).includes(locale)) {
      throw new ConfigurationError(`MT_PROVIDER_BY_LOCALE must be locale=provider pairs separated by commas (nl=libretranslate,sq=off) of the locales ${localeCodes.join(', ')}, got "${pair}".`)
    }
    byLocale[locale] = providerName(`MT_PROVIDER_BY_LOCALE (${locale})`, provider)
  }
  const used = new Set([defaultProvider, ...Object.values(byLocale)].filter((provider) => provider !== null))
  const required = (name: string, provider: MachineTranslationProviderName) => {
    const value = process.env[name]
    if (!value) {
      throw new ConfigurationError(`Machine translation with ${provider} needs ${name}.`)
    }
    return value
  }
  const optionalUrl = (name: string) => (process.env[name] ? siteUrl(name, '') : undefined)
  const requiredUrl = (name: string, provider: MachineTranslationProviderName) => siteUrl(name, required(name, provider))
  return {
    /** The collections that get suggestions; unset: every translated collection. */
    collections: process.env.MT_COLLECTIONS
      ? process.env.MT_COLLECTIONS.split(',').map((slug) => slug.trim()).filter(Boolean)
      : undefined,
    deepl: used.has('deepl') ? { apiKey: required('MT_DEEPL_API_KEY', 'deepl'), serverUrl: optionalUrl('MT_DEEPL_URL') } : undefined,
    defaultProvider,
    libreTranslate: used.has('libretranslate')
      ? { apiKey: process.env.MT_LIBRETRANSLATE_API_KEY || undefined, url: requiredUrl('MT_LIBRETRANSLATE_URL', 'libretranslate') }
      : undefined,
    openai: used.has('openai')
      ? {
          apiKey: process.env.MT_OPENAI_API_KEY || undefined,
          model: required('MT_OPENAI_MODEL', 'openai'),
          url: requiredUrl('MT_OPENAI_URL', 'openai'),
        }
      : undefined,
    /** Locales with a provider of their own, or none (null). */
    providerByLocale: byLocale,
    /** How long suggestions wait for a provider (each provider call is bounded by it too). */
    timeoutMs: wholeNumber('MT_TIMEOUT_MS', 8000),
  }
}

const loopbackHttp = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/

export function readEnvironment() {
  // PORT=0 asks the system for a free port (used by tests).
  const port = wholeNumber('PORT', 3000, 0)
  const serverUrl = (process.env.SERVER_URL || `http://localhost:${port}`).replace(/\/$/, '')
  return {
    /** Seconds public (anonymous) API responses may be cached by browsers and CDNs. */
    cacheMaxAgeSeconds: wholeNumber('CACHE_MAX_AGE_SECONDS', 60, 0),
    /** A CDN's purge-by-tag endpoint, called (signed with the token) whenever cached tags are invalidated. */
    cdnPurge: cdnPurge(),
    /** Origins (scheme://host[:port]) whose pages may call the API from a browser. */
    corsOrigins: (process.env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    databaseUri: process.env.DATABASE_URI || undefined,
    emailFromAddress: process.env.EMAIL_FROM_ADDRESS || 'no-reply@joint-efforts.invalid',
    emailFromName: process.env.EMAIL_FROM_NAME || 'Joint Efforts CMS',
    /** Without SMTP, e-mails are also appended (JSON lines) to this file when set. */
    emailOutboxFile: process.env.EMAIL_OUTBOX_FILE || undefined,
    /**
     * How long an idle keep-alive connection stays open, and how long a request's headers may take.
     * Above a load balancer's idle timeout (60 s on most), or it reuses a connection the host is
     * closing and answers 502.
     */
    headersTimeoutMs: wholeNumber('HEADERS_TIMEOUT_MS', 66_000),
    host: process.env.HOST || '0.0.0.0',
    isProduction,
    /**
     * A job claimed longer ago than this is taken to belong to a process that stopped, and is queued
     * again (src/lib/jobRecovery.ts). Longer than any task may run, or a slow job would run twice.
     */
    jobClaimTimeoutMs: wholeNumber('JOB_CLAIM_TIMEOUT_MS', 10 * 60_000),
    /** Largest non-upload request body (JSON, GraphQL) in bytes. */
    jsonBodyMaxBytes: wholeNumber('JSON_BODY_MAX_BYTES', 1024 * 1024),
    keepAliveTimeoutMs: wholeNumber('KEEP_ALIVE_TIMEOUT_MS', 65_000),
    /** Failed logins before a client is refused for one account (15 min), for every account (1 h), and before an account refuses clients it has never signed in from (1 h). */
    loginMaxFailures: wholeNumber('LOGIN_MAX_FAILURES', 5),
    loginMaxFailuresPerAccount: wholeNumber('LOGIN_MAX_FAILURES_PER_ACCOUNT', 50),
    loginMaxFailuresPerClient: wholeNumber('LOGIN_MAX_FAILURES_PER_CLIENT', 100),
    logLevel: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
    /** Machine-translation providers for translators' suggestions (off by default). */
    machineTranslation: machineTranslation(),
    /** Selects the mongoose settings for a MongoDB-compatible test server; never set in production. */
    mongodbCompat: process.env.JEC_MONGODB_COMPAT || undefined,
    payloadSecret: payloadSecret(),
    port,
    /** The programme website: a pocket card's QR code points to a deliverable's page there. */
    publicSiteUrl: siteUrl('PUBLIC_SITE_URL', serverUrl),
    /** Requests per window for one anonymous client (IP) or API key, and for one signed-in staff user. */
    rateLimitMax: wholeNumber('RATE_LIMIT_MAX', 100),
    rateLimitStaffMax: wholeNumber('RATE_LIMIT_STAFF_MAX', 1000),
    rateLimitWindowMs: wholeSeconds('RATE_LIMIT_WINDOW_MS', 60_000),
    /** Shared state for several instances (response cache, rate limits, locks); in-process when unset. */
    redisUrl: redisUrl(),
    /** Server-side cache of public API answers, invalidated by every write (docs/deployment.md). */
    responseCache: flag('RESPONSE_CACHE', true),
    /** Memory the in-process response cache may hold; with Redis, bound the server with its maxmemory instead. */
    responseCacheMaxBytes: wholeNumber('RESPONSE_CACHE_MAX_BYTES', 64 * 1024 * 1024),
    /** Larger answers are served but not stored. */
    responseCacheMaxEntryBytes: wholeNumber('RESPONSE_CACHE_MAX_ENTRY_BYTES', 1024 * 1024),
    /** Longest life of a stored answer, also the bound for answers that depend on the clock. */
    responseCacheTtlSeconds: wholeNumber('RESPONSE_CACHE_TTL_SECONDS', 300),
    /** Process the job queue (webhooks, background checks, prints) in this instance. */
    runJobs: flag('RUN_JOBS', true),
    /** Media files in an S3-compatible store instead of the local disk. */
    s3: s3Storage(),
    /** Session cookies are Secure in production, except for a trial run on http://localhost. */
    secureCookies: isProduction && !loopbackHttp.test(serverUrl),
    /** Load the programme's content when the database is empty (default: on outside production). */
    seedOnStart: flag('SEED_ON_START', !isProduction),
    /** false runs an API-only instance: no admin UI, no Next.js. */
    serveAdmin: flag('SERVE_ADMIN', true),
    /** HSTS and upgrade-insecure-requests only make sense when the public URL is HTTPS. */
    servedOverHttps: serverUrl.startsWith('https://'),
    serverUrl,
    shutdownTimeoutMs: wholeNumber('SHUTDOWN_TIMEOUT_MS', 10_000),
    /** smtp(s)://user:pass@host:port — when unset, e-mail stays in the outbox (see src/lib/email.ts). */
    smtpUrl: process.env.SMTP_URL || undefined,
    /** Express "trust proxy": how many proxies in front set X-Forwarded-For (0 = none, the client IP is the socket's). */
    trustProxy: wholeNumber('TRUST_PROXY', 0, 0),
    uploadMaxBytes: wholeNumber('UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
    /** First webhook retry delay; each further retry waits twice as long. */
    webhookRetryDelayMs: wholeNumber('WEBHOOK_RETRY_DELAY_MS', 10_000),
    /** How often the job worker (npm run worker) looks for due jobs when the queue is idle. */
    workerPollMs: wholeNumber('WORKER_POLL_MS', 1_000),
  }
}

export type Environment = ReturnType<typeof readEnvironment>
