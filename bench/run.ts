/**
 * `npm run bench`: seeds ours and bare Payload with the same synthetic data, boots each as a
 * production API server in turn (ours with the response cache off, ours with it on, bare; then
 * again), drives every scenario with autocannon from a separate process, and writes
 * bench/results/. See bench/README.md.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Manifest } from './manifest'

import { projectRoot } from '../src/lib/paths'
import { buildApp, buildIsStale } from './build'
import { writeChart } from './chart'
import { type LoadGenerator, type LoadRequest, startLoadGenerator } from './load'
import { documentsPerScale, type Options, parseOptionsOrExit } from './options'
import { runPrintBench } from './printBench'
import { installCleanup, killAll, runLogged } from './processes'
import { type CrossInstanceResult, type InvalidationResult, measureCrossInstance, measureInvalidation } from './publish'
import { type BenchRedis, startRedis } from './redis'
import { buildRows, checkTargets, markdownReport, markdownTable, type Report, type RunRecord } from './report'
import { type Auth, planScenarios, type Scenario, selectScenarios } from './scenarios'
import { type ServerHandle, startServer, type Variant } from './server'

const resultsDir = path.join(projectRoot, 'bench', 'results')
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)
/** What is seeded: the cached variant boots from ours' database. */
const seededVariants = ['ours', 'bare'] as const
type Seeded = { dbFile: string; manifest: Manifest }
/** Generous for a first request (GraphQL builds its schema then); a stuck server is restarted after it. */
const precheckTimeoutMs = 15_000

type Workspace = { dir: string; env: NodeJS.ProcessEnv }

/** Same settings for both variants; limits that would throttle a load test are lifted. */
function workspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jec-bench-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CDN_PURGE_URL: '',
    CORS_ORIGINS: '',
    EMAIL_OUTBOX_FILE: '',
    JEC_MONGODB_COMPAT: '',
    LOG_LEVEL: 'info',
    MEDIA_DIR: path.join(dir, 'media'),
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    // One client address sends everything: the shared limiter still counts (a database write per
    // request, in both variants) but never refuses.
    RATE_LIMIT_MAX: '1000000000',
    RATE_LIMIT_STAFF_MAX: '1000000000',
    // Set per variant and mode (variantEnv): an outside Redis must never be written to by a run.
    REDIS_URL: '',
    SEED_ON_START: 'false',
    SERVE_ADMIN: 'false',
    SMTP_URL: '',
    TRUST_PROXY: '0',
  }
  return { dir, env }
}

/**
 * ours: the cold path, the response cache off (RESPONSE_CACHE=false), so its rows keep measuring
 * what Payload and our plugins cost per request. cached: the same server with the cache on — in
 * process, or with --instances 2 in the shared Redis — and no job runs in the process, whose writes
 * would void answers at moments unrelated to the measured requests. With two instances neither
 * runs jobs (a worker's task in such a deployment) and every variant gets the Redis (the rate
 * limiter counts there).
 */
function variantEnv(ws: Workspace, variant: Variant, instances: number, redis?: BenchRedis): NodeJS.ProcessEnv {
  return {
    ...ws.env,
    REDIS_URL: redis?.url ?? '',
    RESPONSE_CACHE: variant === 'cached' ? 'true' : 'false',
    ...(variant === 'cached' || instances > 1 ? { RUN_JOBS: 'false' } : {}),
  }
}

async function seedVariant(ws: Workspace, variant: (typeof seededVariants)[number], documents: number): Promise<{ dbFile: string; manifest: Manifest; seconds: number }> {
  const dbFile = path.join(ws.dir, `${variant}.db`)
  const manifestFile = path.join(ws.dir, `${variant}.manifest.json`)
  const started = Date.now()
  await runLogged(process.execPath, ['--conditions=development', '--import', 'tsx', 'bench/seed.ts', variant, String(documents), manifestFile], {
    // Development mode: the adapter pushes the schema from this variant's own config.
    env: { ...ws.env, DATABASE_URI: `file:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', RUN_JOBS: 'false' },
    logFile: path.join(ws.dir, `seed-${variant}.log`),
    timeoutMs: 60 * 60_000,
  })
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest
  return { dbFile, manifest, seconds: (Date.now() - started) / 1000 }
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
    signal: AbortSignal.timeout(15_000),
  })
  const body = (await response.json()) as { token?: string }
  if (!response.ok || !body.token) {
    throw new Error(`login as ${email} failed with ${response.status}`)
  }
  return body.token
}

function authorised(scenario: Scenario, tokens: Record<Exclude<Auth, 'anonymous'>, string>): LoadRequest[] {
  const authorization: Record<string, string> = scenario.auth === 'anonymous' ? {} : { authorization: `JWT ${tokens[scenario.auth]}` }
  return scenario.requests.map((request) => ({ ...request, headers: { ...request.headers, ...authorization } }))
}

const describeRequest = (request: LoadRequest) => (request.body ? `${request.path} ${request.body.slice(0, 160)}` : request.path)

/**
 * One request before measuring: a scenario that fails here would only measure error pages. With
 * `mustFind` (search), every request of the list, each of which must find something.
 */
async function precheck(baseUrl: string, scenario: Scenario, requests: LoadRequest[]): Promise<string | undefined> {
  const found: number[] = []
  for (const request of scenario.mustFind ? requests : requests.slice(0, 1)) {
    const response = await fetch(`${baseUrl}${request.path}`, {
      body: request.body?.replaceAll('{{n}}', '0'),
      headers: request.headers,
      method: request.method,
      signal: AbortSignal.timeout(precheckTimeoutMs),
    })
    const text = await response.text()
    if (!response.ok) {
      return `HTTP ${response.status}${scenario.mustFind ? ` for ${describeRequest(request)}` : ''}: ${text.slice(0, 300)}`
    }
    const body = request.path === '/api/graphql' || scenario.mustFind ? (JSON.parse(text) as Record<string, unknown>) : undefined
    const errors = request.path === '/api/graphql' ? (body as { errors?: Array<{ message: string }> }).errors : undefined
    if (errors?.length) {
      return `GraphQL errors: ${errors.map(({ message }) => message).join('; ').slice(0, 300)}`
    }
    if (scenario.mustFind) {
      const keys = scenario.mustFind.split('.')
      const parent = keys.slice(0, -1).reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], body) as Record<string, unknown> | undefined
      const list = parent?.[keys.at(-1)!]
      if (!Array.isArray(list) || list.length === 0) {
        return `nothing found (${scenario.mustFind} ${Array.isArray(list) ? 'is empty' : 'is missing'}) for ${describeRequest(request)}`
      }
      // A paginated answer says how many matched in all (the search: totalDocs).
      found.push(typeof parent?.totalDocs === 'number' ? parent.totalDocs : list.length)
    }
  }
  if (scenario.mustFind) {
    log(`  ${scenario.id}: all ${found.length} requests answered 200 with results (${Math.min(...found)}–${Math.max(...found)} in all)`)
  }
  return undefined
}

type RoundContext = {
  crossInstance: CrossInstanceResult[]
  failed: Map<string, string>
  invalidation: InvalidationResult[]
  load: LoadGenerator
  options: Options
  redis?: BenchRedis
  runs: RunRecord[]
  scenarios: Scenario[]
}

/** One variant's servers: one, or with --instances 2 two on the same database file. */
type Fleet = { baseUrls: string[]; peakRssMb(): number; resetPeak(): void; stop(): Promise<void> }

const hitShare = ({ cache }: RunRecord['result']) => {
  const counted = cache.hit + cache.miss + cache.notStored
  return counted ? `, hits ${((100 * cache.hit) / counted).toFixed(1)} % (hit p99 ${cache.hitLatencyMs.p99.toFixed(1)} ms)` : ''
}

async function measureScenario(ctx: RoundContext, fleet: Fleet, scenario: Scenario, requests: LoadRequest[], variant: Variant, round: number) {
  const { options } = ctx
  const { baseUrls } = fleet
  // For a cached scenario the warm-up also fills the cache: the measured runs then read warm answers.
  await ctx.load.run({ baseUrls, connections: Math.min(10, Math.max(...options.connections)), durationSeconds: options.warmupSeconds, requests })
  for (const connections of options.connections) {
    fleet.resetPeak()
    const result = await ctx.load.run({ baseUrls, connections, durationSeconds: options.durationSeconds, requests })
    const peakRssMb = fleet.peakRssMb()
    ctx.runs.push({ connections, peakRssMb, result, round, scenario: scenario.id, variant })
    log(
      `  ${variant} ${scenario.id} @${connections}: ${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.latencyMs.p95.toFixed(1)} ms, ` +
        `non-2xx ${result.non2xx}, errors ${result.errors}, RSS ${peakRssMb.toFixed(0)} MB${hitShare(result)}`,
    )
  }
}

type Booted = { fleet: Fleet; tokens: Record<Exclude<Auth, 'anonymous'>, string> }

const roundDb = (ws: Workspace, variant: Variant, round: number) => path.join(ws.dir, `${variant}-round${round}.db`)

async function boot(ctx: RoundContext, ws: Workspace, seeded: Seeded, variant: Variant, round: number, attempt: number): Promise<Booted> {
  // A fresh copy per boot: the write scenario of an earlier round must not change what this one reads.
  const dbFile = roundDb(ws, variant, round)
  fs.copyFileSync(seeded.dbFile, dbFile)
  // Nor may answers cached against an earlier copy be served from the shared store.
  await ctx.redis?.flush()
  const env = variantEnv(ws, variant, ctx.options.instances, ctx.redis)
  const servers: ServerHandle[] = []
  const stop = () => Promise.all(servers.map((server) => server.stop())).then(() => undefined)
  try {
    // One after the other: each runs the (already applied) migrations on start.
    for (let instance = 0; instance < ctx.options.instances; instance++) {
      const name = ctx.options.instances > 1 ? `-${'ab'[instance]}` : ''
      servers.push(await startServer({ dbFile, env, logFile: path.join(ws.dir, `server-${variant}-round${round}-${attempt}${name}.log`), variant }))
    }
    const fleet: Fleet = {
      baseUrls: servers.map(({ baseUrl }) => baseUrl),
      peakRssMb: () => Math.max(...servers.map((server) => server.peakRssMb())),
      resetPeak: () => servers.forEach((server) => server.resetPeak()),
      stop,
    }
    const { users } = seeded.manifest
    const [first] = fleet.baseUrls
    const tokens = {
      editor: await login(first!, users.editor, users.password),
      translator: await login(first!, users.translator, users.password),
      'translator-fr': await login(first!, users.translatorFr, users.password),
    }
    return { fleet, tokens }
  } catch (error) {
    await stop()
    throw error
  }
}

/** After the cached scenarios, on the warm cache: what a publish voids, and with two instances the stale-read loop. */
async function measurePublishing(ctx: RoundContext, booted: Booted, manifest: Manifest, ran: Scenario[], round: number) {
  const { options } = ctx
  const cached = ran.filter((scenario) => scenario.kind === 'cached')
  if (!manifest.write || cached.length === 0) {
    return
  }
  const [first, second] = booted.fleet.baseUrls
  const invalidation = await measureInvalidation({
    baseUrl: first!,
    editorToken: booted.tokens.editor,
    publishes: options.quick ? 3 : 10,
    redis: ctx.redis,
    requests: cached.flatMap((scenario) => scenario.requests),
    round,
    write: manifest.write,
  })
  ctx.invalidation.push(invalidation)
  log(
    `  cached publish-invalidation: ${invalidation.publishes} publishes of ${manifest.write.collection}, ${invalidation.voidedPerPublish.mean.toFixed(1)} of ` +
      `${invalidation.warmHits} warm answers voided per publish${invalidation.invalidationCallsPerPublish === undefined ? '' : `, ${invalidation.invalidationCallsPerPublish.toFixed(1)} invalidation calls and ${invalidation.tagsStampedPerPublish!.toFixed(1)} tags stamped per publish`}`,
  )
  if (second) {
    const cross = await measureCrossInstance({
      editorToken: booted.tokens.editor,
      iterations: options.quick ? 50 : 200,
      publisher: first!,
      reader: second,
      round,
      write: manifest.write,
    })
    ctx.crossInstance.push(cross)
    log(
      `  cached cross-instance: ${cross.iterations} publishes on A, ${cross.staleReads} stale of ${cross.reads} reads on B, ` +
        `${cross.hitsBeforePublish}/${cross.readsBeforePublish} of B's reads before a publish were hits, publish p50 ${cross.publishMs.p50.toFixed(0)} ms`,
    )
  }
}

async function runRound(ctx: RoundContext, ws: Workspace, seeded: Record<Variant, Seeded>, variant: Variant, round: number) {
  let attempt = 0
  let booted = await boot(ctx, ws, seeded[variant], variant, round, attempt)
  const ran: Scenario[] = []
  try {
    for (const scenario of ctx.scenarios.filter((candidate) => candidate.variants.includes(variant) && !ctx.failed.has(candidate.id))) {
      const requests = authorised(scenario, booted.tokens)
      const problem = await precheck(booted.fleet.baseUrls[0]!, scenario, requests).catch((error: unknown) => `no answer (${(error as Error).message})`)
      if (problem) {
        ctx.failed.set(scenario.id, `${scenario.id} ${scenario.mustFind ? 'FAILED' : 'skipped'}: pre-check on ${variant} failed with ${problem}`)
        log(`  ${ctx.failed.get(scenario.id)}`)
        if (problem.startsWith('no answer')) {
          // The server may be stuck (a busy loop): the remaining scenarios get a fresh one.
          await booted.fleet.stop()
          booted = await boot(ctx, ws, seeded[variant], variant, round, ++attempt)
        }
        continue
      }
      await measureScenario(ctx, booted.fleet, scenario, requests, variant, round)
      ran.push(scenario)
    }
    if (variant === 'cached') {
      await measurePublishing(ctx, booted, seeded[variant].manifest, ran, round)
    }
  } finally {
    await booted.fleet.stop()
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(`${roundDb(ws, variant, round)}${suffix}`, { force: true })
    }
  }
}

function machineFacts(): Record<string, number | string> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim()
    } catch {
      return ''
    }
  }
  const version = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version
  return {
    autocannon: version('autocannon'),
    commit: `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${git('status', '--porcelain') ? ' (uncommitted changes)' : ''}`,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    payload: version('payload'),
  }
}

function writeResults(report: Report): string[] {
  fs.mkdirSync(resultsDir, { recursive: true })
  // Quick runs get their own files so that a development run never overwrites committed results;
  // so do two-instance runs and runs of chosen scenarios, which are not the full single-instance table.
  const { instances, quick, scenarios } = report.run
  const base = path.join(resultsDir, `latest-${report.scale}${instances > 1 ? `-instances${instances}` : ''}${scenarios ? '-subset' : ''}${quick ? '-quick' : ''}`)
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`)
  fs.writeFileSync(`${base}.md`, markdownReport(report))
  const chart = writeChart(resultsDir)
  return [`${base}.json`, `${base}.md`, ...(chart ? [chart] : [])]
}

/** What the report keeps of the rebuild: not the rare-words documents (the scenario titles say what was searched). */
const searchSummary = (search: Manifest['search']) =>
  search && { collections: search.collections, documents: search.documents, entries: search.entries, seconds: search.seconds }

function previousReport(scale: string): Report | undefined {
  const file = path.join(resultsDir, 'latest-1k.json')
  return scale !== '1k' && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Report) : undefined
}

async function main(): Promise<void> {
  const started = Date.now()
  installCleanup()
  const options = parseOptionsOrExit(process.argv.slice(2))
  const ws = workspace()
  log(`${options.print ? 'print' : `scale ${options.scale}`}${options.quick ? ' (quick)' : ''}; work files in ${ws.dir}`)
  let succeeded = false
  try {
    if (options.print) {
      const files = await runPrintBench(ws, options, machineFacts(), log)
      log(`wrote ${files.map((file) => path.relative(projectRoot, file)).join(', ')}`)
      succeeded = true
      return
    }
    if (options.build === 'force' || (options.build === 'auto' && buildIsStale())) {
      log('building the app (next build)…')
      await buildApp(path.join(ws.dir, 'build.log'))
    }
    log(`seeding ${documentsPerScale[options.scale]} documents into ours and bare (in parallel)…`)
    const [ours, bare] = await Promise.all(seededVariants.map((variant) => seedVariant(ws, variant, documentsPerScale[options.scale])))
    log(`seeded: ours ${ours!.seconds.toFixed(0)} s, bare ${bare!.seconds.toFixed(0)} s`)
    const { memory, search } = ours!.manifest
    if (memory) {
      log(`translation memory (ours): ${Object.entries(memory.entries).map(([locale, count]) => `${count} ${locale}`).join(', ')} entries in ${memory.seconds.toFixed(1)} s`)
    }
    if (search) {
      log(
        `search index (ours): ${search.entries} entries for ${search.documents} documents, rebuilt in ${search.seconds.toFixed(1)} s ` +
          `(${search.collections.map(({ collection, done }) => `${collection} ${done}`).join(', ')}); ${search.rare.length} documents for the rare-words search`,
      )
    }
    const plan = planScenarios(ours!.manifest, bare!.manifest, options.locale)
    const scenarios = selectScenarios(plan.scenarios, options.scenarios, options.quick)
    const rounds = options.rounds.filter((variant) => scenarios.some((scenario) => scenario.variants.includes(variant)))
    const redis = options.instances > 1 ? await startRedis(path.join(ws.dir, 'redis.log')) : undefined
    const ctx: RoundContext = { crossInstance: [], failed: new Map(), invalidation: [], load: startLoadGenerator(), options, redis, runs: [], scenarios }
    try {
      for (const [round, variant] of rounds.entries()) {
        log(`round ${round + 1}/${rounds.length}: ${variant}${options.instances > 1 ? ` (${options.instances} instances)` : ''}`)
        await runRound(ctx, ws, { bare: bare!, cached: ours!, ours: ours! }, variant, round)
      }
    } finally {
      await ctx.load.close()
      await redis?.stop()
    }
    const rows = buildRows(ctx.runs, scenarios, options.connections)
    const report: Report = {
      crossInstance: ctx.crossInstance,
      generatedAt: new Date().toISOString(),
      invalidation: ctx.invalidation,
      machine: machineFacts(),
      notes: [...plan.notes, ...ctx.failed.values()],
      rows,
      run: {
        cacheStore: options.instances > 1 ? 'redis' : 'memory',
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        instances: options.instances,
        locale: options.locale,
        quick: options.quick,
        rounds,
        scenarios: options.scenarios,
        wallSeconds: (Date.now() - started) / 1000,
        warmupSeconds: options.warmupSeconds,
      },
      runs: ctx.runs,
      scale: options.scale,
      seed: {
        bare: { counts: bare!.manifest.counts, seconds: bare!.seconds },
        ours: { counts: ours!.manifest.counts, memory: ours!.manifest.memory, search: searchSummary(ours!.manifest.search), seconds: ours!.seconds },
      },
      targets: checkTargets(rows, previousReport(options.scale), ctx.crossInstance),
    }
    const files = writeResults(report)
    console.log(`\n${markdownTable(rows)}\n\n${report.targets.map((line) => `- ${line}`).join('\n')}\n${report.notes.map((note) => `- ${note}`).join('\n')}\n`)
    log(`wrote ${files.map((file) => path.relative(projectRoot, file)).join(', ')}`)
    // A search that found nothing or was refused measured nothing worth a figure: the run fails, loudly.
    const failedChecks = scenarios.filter((scenario) => scenario.mustFind && ctx.failed.has(scenario.id)).map(({ id }) => ctx.failed.get(id)!)
    if (failedChecks.length > 0) {
      throw new Error(`${failedChecks.length} scenario(s) failed their pre-check (results written without them):\n${failedChecks.join('\n')}`)
    }
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    succeeded = true
  } finally {
    // Databases go either way; on failure the logs stay for the post-mortem.
    if (succeeded && !options.keepFiles) {
      fs.rmSync(ws.dir, { force: true, recursive: true })
    } else if (!succeeded) {
      for (const file of fs.readdirSync(ws.dir).filter((name) => name.includes('.db'))) {
        fs.rmSync(path.join(ws.dir, file), { force: true })
      }
      console.error(`logs kept in ${ws.dir}`)
    }
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    // A seed still running beside the one that failed would otherwise keep this process alive.
    killAll()
    process.exit(1)
  })
