/**
 * `npm run bench`: seeds ours and bare Payload with the same synthetic data, boots each as a
 * production API server in turn (A/B/A/B), drives every scenario with autocannon from a separate
 * process, and writes bench/results/. See bench/README.md.
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
import { buildRows, checkTargets, markdownReport, markdownTable, type Report, type RunRecord } from './report'
import { type Auth, planScenarios, type Scenario } from './scenarios'
import { type ServerHandle, startServer, type Variant } from './server'

const resultsDir = path.join(projectRoot, 'bench', 'results')
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)
const variants: Variant[] = ['ours', 'bare']
/** Generous for a first request (GraphQL builds its schema then); a stuck server is restarted after it. */
const precheckTimeoutMs = 15_000

type Workspace = { dir: string; env: NodeJS.ProcessEnv }

/** Same settings for both variants; limits that would throttle a load test are lifted. */
function workspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jec-bench-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
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
    SEED_ON_START: 'false',
    SERVE_ADMIN: 'false',
    SMTP_URL: '',
    TRUST_PROXY: '0',
  }
  return { dir, env }
}

async function seedVariant(ws: Workspace, variant: Variant, documents: number): Promise<{ dbFile: string; manifest: Manifest; seconds: number }> {
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

/** One request before measuring: a scenario that fails here would only measure error pages. */
async function precheck(baseUrl: string, request: LoadRequest): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    body: request.body?.replaceAll('{{n}}', '0'),
    headers: request.headers,
    method: request.method,
    signal: AbortSignal.timeout(precheckTimeoutMs),
  })
  const text = await response.text()
  if (!response.ok) {
    return `HTTP ${response.status}: ${text.slice(0, 300)}`
  }
  const errors = request.path === '/api/graphql' ? (JSON.parse(text) as { errors?: Array<{ message: string }> }).errors : undefined
  return errors?.length ? `GraphQL errors: ${errors.map(({ message }) => message).join('; ').slice(0, 300)}` : undefined
}

type RoundContext = { failed: Map<string, string>; load: LoadGenerator; options: Options; runs: RunRecord[]; scenarios: Scenario[] }

async function measureScenario(ctx: RoundContext, server: ServerHandle, scenario: Scenario, requests: LoadRequest[], variant: Variant, round: number) {
  const { options } = ctx
  await ctx.load.run({ baseUrl: server.baseUrl, connections: Math.min(10, Math.max(...options.connections)), durationSeconds: options.warmupSeconds, requests })
  for (const connections of options.connections) {
    server.resetPeak()
    const result = await ctx.load.run({ baseUrl: server.baseUrl, connections, durationSeconds: options.durationSeconds, requests })
    const peakRssMb = server.peakRssMb()
    ctx.runs.push({ connections, peakRssMb, result, round, scenario: scenario.id, variant })
    log(
      `  ${variant} ${scenario.id} @${connections}: ${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.latencyMs.p95.toFixed(1)} ms, ` +
        `non-2xx ${result.non2xx}, errors ${result.errors}, RSS ${peakRssMb.toFixed(0)} MB`,
    )
  }
}

type Booted = { server: ServerHandle; tokens: Record<Exclude<Auth, 'anonymous'>, string> }

async function boot(ws: Workspace, seeded: { dbFile: string; manifest: Manifest }, variant: Variant, round: number, attempt: number): Promise<Booted> {
  // A fresh copy per boot: the write scenario of an earlier round must not change what this one reads.
  const dbFile = path.join(ws.dir, `${variant}-round${round}.db`)
  fs.copyFileSync(seeded.dbFile, dbFile)
  const server = await startServer({ dbFile, env: ws.env, logFile: path.join(ws.dir, `server-${variant}-round${round}-${attempt}.log`), variant })
  try {
    const { users } = seeded.manifest
    return { server, tokens: { editor: await login(server.baseUrl, users.editor, users.password), translator: await login(server.baseUrl, users.translator, users.password) } }
  } catch (error) {
    await server.stop()
    throw error
  }
}

async function runRound(ctx: RoundContext, ws: Workspace, seeded: Record<Variant, { dbFile: string; manifest: Manifest }>, variant: Variant, round: number) {
  let attempt = 0
  let booted = await boot(ws, seeded[variant], variant, round, attempt)
  try {
    for (const scenario of ctx.scenarios.filter((candidate) => candidate.variants.includes(variant) && !ctx.failed.has(candidate.id))) {
      const requests = authorised(scenario, booted.tokens)
      const problem = await precheck(booted.server.baseUrl, requests[0]!).catch((error: unknown) => `no answer (${(error as Error).message})`)
      if (problem) {
        ctx.failed.set(scenario.id, `${scenario.id} skipped: pre-check on ${variant} failed with ${problem}`)
        log(`  ${ctx.failed.get(scenario.id)}`)
        if (problem.startsWith('no answer')) {
          // The server may be stuck (a busy loop): the remaining scenarios get a fresh one.
          await booted.server.stop()
          booted = await boot(ws, seeded[variant], variant, round, ++attempt)
        }
        continue
      }
      await measureScenario(ctx, booted.server, scenario, requests, variant, round)
    }
  } finally {
    await booted.server.stop()
    fs.rmSync(path.join(ws.dir, `${variant}-round${round}.db`), { force: true })
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
  // Quick runs get their own files so that a development run never overwrites committed results.
  const base = path.join(resultsDir, `latest-${report.scale}${report.run.quick ? '-quick' : ''}`)
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`)
  fs.writeFileSync(`${base}.md`, markdownReport(report))
  const chart = writeChart(resultsDir)
  return [`${base}.json`, `${base}.md`, ...(chart ? [chart] : [])]
}

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
    const [ours, bare] = await Promise.all(variants.map((variant) => seedVariant(ws, variant, documentsPerScale[options.scale])))
    log(`seeded: ours ${ours!.seconds.toFixed(0)} s, bare ${bare!.seconds.toFixed(0)} s`)
    const plan = planScenarios(ours!.manifest, bare!.manifest, options.locale)
    const scenarios = plan.scenarios.filter((scenario) => !options.quick || scenario.quick)
    const ctx: RoundContext = { failed: new Map(), load: startLoadGenerator(), options, runs: [], scenarios }
    try {
      for (const [round, variant] of options.rounds.entries()) {
        log(`round ${round + 1}/${options.rounds.length}: ${variant}`)
        await runRound(ctx, ws, { bare: bare!, ours: ours! }, variant, round)
      }
    } finally {
      await ctx.load.close()
    }
    const rows = buildRows(ctx.runs, scenarios, options.connections)
    const report: Report = {
      generatedAt: new Date().toISOString(),
      machine: machineFacts(),
      notes: [...plan.notes, ...ctx.failed.values()],
      rows,
      run: { connections: options.connections, durationSeconds: options.durationSeconds, locale: options.locale, quick: options.quick, rounds: options.rounds, wallSeconds: (Date.now() - started) / 1000, warmupSeconds: options.warmupSeconds },
      runs: ctx.runs,
      scale: options.scale,
      seed: { bare: { counts: bare!.manifest.counts, seconds: bare!.seconds }, ours: { counts: ours!.manifest.counts, seconds: ours!.seconds } },
      targets: checkTargets(rows, previousReport(options.scale)),
    }
    const files = writeResults(report)
    console.log(`\n${markdownTable(rows)}\n\n${report.targets.map((line) => `- ${line}`).join('\n')}\n${report.notes.map((note) => `- ${note}`).join('\n')}\n`)
    log(`wrote ${files.map((file) => path.relative(projectRoot, file)).join(', ')}`)
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
