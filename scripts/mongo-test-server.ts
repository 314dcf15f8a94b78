/**
 * MongoDB wire-protocol test server, with a throw-away temp dir for its data and log. See docs/mongodb.md.
 * --server=mongo-java-server (default): mongo-java-server's in-memory backend (scripts/build-mongo-java-server.sh);
 * --server=ferretdb: FerretDB on SQLite (scripts/build-ferretdb.sh).
 *
 *   tsx scripts/mongo-test-server.ts [--server=…]                     # prints the URI, runs until SIGINT/SIGTERM
 *   tsx scripts/mongo-test-server.ts [--server=…] -- <command> [args] # runs <command> against it, exits with its code
 *
 * Wrapper mode sets DATABASE_URI=mongodb://127.0.0.1:<port>/jec-test for the command, and
 * JEC_MONGODB_COMPAT=<server> when src/db.ts has settings for that server.
 */
import type { ChildProcess } from 'node:child_process'

import { MongoClient } from 'mongodb'
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const STARTUP_TIMEOUT_MS = 30_000
const STOP_GRACE_MS = 5_000

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

type TestServer = {
  /** Built by this script when `builtFile` is missing. */
  buildScript: string
  builtFile: string
  command(port: number, tempDir: string): [string, ...string[]]
  /** The JEC_MONGODB_COMPAT value that selects this server's settings in src/db.ts, if it needs any. */
  compat?: string
}

// Versions: keep in sync with the build scripts.
const ferretdbBinary = path.join(projectDir, '.cache', 'ferretdb', 'v1.24.2', 'ferretdb')
const mongoJavaServerDir = path.join(projectDir, '.cache', 'mongo-java-server', '1.47.0')

const testServers: Record<string, TestServer> = {
  ferretdb: {
    buildScript: 'build-ferretdb.sh',
    builtFile: ferretdbBinary,
    command: (port, tempDir) => {
      const dataDir = path.join(tempDir, 'data')
      mkdirSync(dataDir) // FerretDB's SQLite handler requires an existing directory
      return [
        ferretdbBinary,
        '--handler=sqlite',
        `--sqlite-url=file:${dataDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        // The defaults are 127.0.0.1:8088 (clashes between parallel runs) and
        // the current directory for state.json (litters the checkout).
        '--debug-addr=-',
        `--state-dir=${tempDir}`,
        '--telemetry=disable',
      ]
    },
    compat: 'ferretdb',
  },
  'mongo-java-server': {
    buildScript: 'build-mongo-java-server.sh',
    builtFile: path.join(mongoJavaServerDir, 'classes', 'MongoJavaServer.class'),
    command: (port) => [
      'java',
      '-cp',
      [path.join(mongoJavaServerDir, 'classes'), path.join(mongoJavaServerDir, 'lib', '*')].join(path.delimiter),
      'MongoJavaServer',
      String(port),
    ],
  },
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const signalExitCode = (signal: NodeJS.Signals | null): number => 128 + (signal ? os.constants.signals[signal] : 0)
const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null

function ensureBuilt({ buildScript, builtFile }: TestServer): void {
  if (existsSync(builtFile)) {
    return
  }
  // Build output goes to stderr so that stdout in server mode is only the URI.
  const result = spawnSync('bash', [path.join(projectDir, 'scripts', buildScript)], { stdio: ['ignore', 2, 2] })
  if (result.status !== 0 || !existsSync(builtFile)) {
    throw new Error(`scripts/${buildScript} failed (exit ${String(result.status ?? result.signal)})`)
  }
}

// The OS picks the port; another process could take it before the server binds
// it, in which case the server exits and the log tail in the error says so.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))))
    })
  })
}

function logTail(logFile: string, lines = 40): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log written)'
  }
}

function describeExit(server: ChildProcess, logFile: string): string {
  return (
    `the server exited (code ${String(server.exitCode)}, signal ${String(server.signalCode)}).\n` +
    `--- tail of ${logFile} ---\n${logTail(logFile)}`
  )
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || hasExited(child)) {
    return
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
  await exited
  clearTimeout(timer)
}

async function waitUntilReady(uri: string, server: ChildProcess, logFile: string, stop: AbortSignal): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  let lastError = 'no attempt made'
  while (Date.now() < deadline && !stop.aborted) {
    if (hasExited(server)) {
      throw new Error(`during start-up ${describeExit(server, logFile)}`)
    }
    const client = new MongoClient(uri, { directConnection: true, serverSelectionTimeoutMS: 1_000 })
    try {
      await client.connect()
      await client.db('admin').command({ ping: 1 })
      return
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    } finally {
      await client.close().catch(() => undefined)
    }
    await sleep(200)
  }
  if (stop.aborted) {
    return
  }
  throw new Error(
    `the server did not answer ping on ${uri} within ${STARTUP_TIMEOUT_MS / 1000}s: ${lastError}\n` +
      `--- tail of ${logFile} ---\n${logTail(logFile)}`,
  )
}

function runCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { env, stdio: 'inherit' })
    // Ctrl-C already reaches the command through the terminal's process group,
    // so SIGINT is not forwarded: a doubled SIGINT means "force quit" to many
    // CLIs. SIGTERM usually targets one pid (`kill`, CI timeouts), so
    // it is passed on; the command decides how to stop, then the server goes.
    const forward = (): void => {
      if (!hasExited(child)) {
        child.kill('SIGTERM')
      }
    }
    process.on('SIGTERM', forward)
    const done = (code: number): void => {
      process.off('SIGTERM', forward)
      resolve(code)
    }
    child.once('error', (error) => {
      console.error(`mongo-test-server: cannot run ${argv[0]}: ${error.message}`)
      done(127)
    })
    child.once('exit', (code, signal) => done(code ?? signalExitCode(signal)))
  })
}

function serveUntilStopped(server: ChildProcess, logFile: string, stop: AbortSignal): Promise<number> {
  return new Promise((resolve) => {
    const onExit = (): void => {
      console.error(`mongo-test-server: unexpectedly ${describeExit(server, logFile)}`)
      resolve(1)
    }
    server.once('exit', onExit)
    // A requested stop is the normal end of server mode, hence exit code 0;
    // the exit listener goes first so the teardown's own kill is not reported.
    stop.addEventListener(
      'abort',
      () => {
        server.off('exit', onExit)
        resolve(0)
      },
      { once: true },
    )
  })
}

const usage = `usage: tsx scripts/mongo-test-server.ts [--server=${Object.keys(testServers).join('|')}] [-- <command> [args...]]`

async function main(): Promise<number> {
  let args = process.argv.slice(2)
  let serverName = 'mongo-java-server'
  if (args[0]?.startsWith('--server=')) {
    serverName = args[0].slice('--server='.length)
    args = args.slice(1)
  }
  const testServer = testServers[serverName]
  const command = args[0] === '--' ? args.slice(1) : args
  if (!testServer || (args.length > 0 && args[0] !== '--') || (args[0] === '--' && command.length === 0)) {
    console.error(usage)
    return 2
  }

  // Listening for the signals for the whole run replaces Node's default of
  // exiting at once, which would skip the `finally` below and orphan the server.
  const stop = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => stop.abort(signal)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  ensureBuilt(testServer)
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'mongo-test-'))
  let server: ChildProcess | undefined
  try {
    const logFile = path.join(tempDir, `${serverName}.log`)
    const port = await freePort()
    const [executable, ...serverArgs] = testServer.command(port, tempDir)
    const logFd = openSync(logFile, 'a')
    // Own process group: a terminal Ctrl-C must not stop the database while
    // the command under test is still shutting down; we stop it afterwards.
    server = spawn(executable, serverArgs, { detached: true, stdio: ['ignore', logFd, logFd] })
    closeSync(logFd)
    // Spawn failures arrive as an 'error' event; without a listener it would crash the wrapper.
    server.on('error', () => undefined)
    if (server.pid === undefined) {
      throw new Error(`cannot start ${executable}`)
    }

    const baseUri = `mongodb://127.0.0.1:${port}/`
    await waitUntilReady(baseUri, server, logFile, stop.signal)
    if (stop.signal.aborted) {
      return signalExitCode(stop.signal.reason as NodeJS.Signals)
    }

    if (command.length === 0) {
      console.log(baseUri)
      return await serveUntilStopped(server, logFile, stop.signal)
    }
    return await runCommand(command, {
      ...process.env,
      DATABASE_URI: `${baseUri}jec-test`,
      ...(testServer.compat ? { JEC_MONGODB_COMPAT: testServer.compat } : {}),
    })
  } finally {
    if (server) {
      await stopProcess(server)
    }
    await rm(tempDir, { force: true, recursive: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`mongo-test-server: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
