/**
 * What the browser tests share: Debian's Chromium, and for the admin UI a CMS started as
 * `npm run dev` starts it (express + Next in development mode) in a child process with its own
 * database. Next allows one dev server per build folder, so admin servers started by tests use
 * their own folder (`.next-test`, never a developer's running `npm run dev`) and take turns: a
 * lock directory holds the next one back until the previous one has stopped.
 */
import type { ChildProcess } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { chromium } from 'playwright-core'

import { projectRoot } from '@/lib/paths'

import { ApiClient } from './host'

/** Debian's Chromium, never a downloaded browser; no background traffic (there is no network). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    executablePath: '/usr/bin/chromium',
  })

const password = 'Password-correct-horse-1'

/** Someone in a browser test: the name gives the e-mail address; everyone shares one password. */
export const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.org`, password })

/**
 * Creates the accounts as people would, through the API: Ada registers first and so becomes the
 * admin, then creates everyone else with their roles. Returns Ada's session.
 */
export async function registerPeople(client: ApiClient, people: Array<readonly [name: string, data: Record<string, unknown>]>) {
  const registered = await client.json('POST', '/api/users/first-register', { body: person('Ada') })
  if (registered.status !== 200) {
    throw new Error(`first-register answered ${registered.status}`)
  }
  const admin = await client.login(person('Ada'))
  for (const [name, data] of people) {
    const created = await client.json('POST', '/api/users', { auth: admin, body: { ...person(name), ...data } })
    if (created.status !== 201) {
      throw new Error(`creating ${name} answered ${created.status}`)
    }
  }
  return admin
}

export type AdminServer = { baseUrl: string; client: ApiClient; stop(): Promise<void> }

const testBuildDir = '.next-test'
const lockDir = path.join(projectRoot, testBuildDir, 'admin-server.lock')

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Waits for the lock; a lock whose holder died is taken over. */
async function takeTurn(deadline: number): Promise<void> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid))
      return
    } catch {
      const holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0)
      if (holder && !isRunning(holder)) {
        fs.rmSync(lockDir, { force: true, recursive: true })
        continue
      }
      if (Date.now() > deadline) {
        throw new Error(`another test's admin server held ${lockDir} for too long`)
      }
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

/** Starts the CMS with the admin UI on this test file's own database; resolves once /readyz answers. */
export async function startAdminServer({ timeoutMs }: { timeoutMs: number }): Promise<AdminServer> {
  const deadline = Date.now() + timeoutMs
  await takeTurn(deadline)
  const workDir = process.env.JEC_TEST_WORK_DIR!
  const logFile = path.join(workDir, 'admin-server.log')
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const server: ChildProcess = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      NEXT_DIST_DIR: testBuildDir,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'development',
      NODE_OPTIONS: '',
      PORT: String(port),
      RUN_JOBS: 'false',
      SEED_ON_START: 'false',
      SERVE_ADMIN: 'true',
      SERVER_URL: baseUrl,
    },
    stdio: ['ignore', fs.openSync(logFile, 'a'), fs.openSync(logFile, 'a')],
  })
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = once(server, 'exit')
      server.kill('SIGTERM')
      await exited
    }
    fs.rmSync(lockDir, { force: true, recursive: true })
  }
  while (Date.now() < deadline) {
    if (
      await fetch(`${baseUrl}/readyz`).then(
        (response) => response.ok,
        () => false,
      )
    ) {
      // Every admin view is one catch-all route that Next compiles on the first request to it:
      // 20–35 s on 2 busy cores even from Next's filesystem cache in the build folder, about a
      // minute cold. Asked for now, it compiles while the test registers its people and launches
      // Chromium instead of while the browser waits.
      const warming = fetch(`${baseUrl}/admin/login`)
        .then((response) => response.arrayBuffer())
        .catch(() => undefined)
      return {
        baseUrl,
        client: new ApiClient(baseUrl),
        stop: async () => {
          await stop()
          await warming
        },
      }
    }
    if (server.exitCode !== null) {
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await stop()
  throw new Error(`the CMS did not start:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`)
}

/**
 * Signs in through the admin's login form. Next compiles each admin route on its first visit in
 * development: generous timeouts. The development server also reloads a freshly compiled login page
 * once, at a moment of its choosing (seen 1.5–22 s after the first load on a loaded machine); a
 * reload that lands after the form was filled empties it and the sign-in never happens. So while
 * the dashboard has not appeared, a login form found empty again is filled and sent again.
 */
export async function signInToAdmin(page: Page, baseUrl: string, { email, password }: { email: string; password: string }): Promise<void> {
  const deadline = Date.now() + 300_000
  const dashboard = /\/admin(\/)?$/
  const submit = async () => {
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
  }
  await page.goto(`${baseUrl}/admin/login`, { timeout: 300_000 })
  await submit()
  while (!dashboard.test(page.url())) {
    if (Date.now() > deadline) {
      throw new Error(`signing in as ${email} did not reach the dashboard within 300 s (still at ${page.url()})`)
    }
    await page.waitForURL(dashboard, { timeout: 5_000 }).catch(() => undefined)
    const emailField = page.locator('input[name="email"]')
    if (!dashboard.test(page.url()) && (await emailField.count()) === 1 && (await emailField.inputValue().catch(() => email)) === '') {
      await submit()
    }
  }
}

/**
 * Development mode reloads the page when a late module finishes compiling, which on a loaded
 * machine can drop a page's first load or a click made just before it. A step that a reload can
 * undo is therefore tried up to three times, with `recover` between tries; three failures fail.
 */
export async function despiteDevReloads(step: () => Promise<void>, recover: () => Promise<unknown> = async () => {}): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await step()
      return
    } catch (error) {
      if (attempt === 3) {
        throw error
      }
      await recover()
    }
  }
}
