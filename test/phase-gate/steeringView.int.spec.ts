/**
 * The steering view in the real admin UI: unlike the other tests this one needs Next, so it starts
 * the CMS as `npm run dev` does (express + Next in development mode) in a child process with its
 * own database, then drives Debian's Chromium.
 */
import type { ChildProcess } from 'node:child_process'
import type { Browser } from 'playwright-core'

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { chromium } from 'playwright-core'

import { ApiClient } from '../helpers/host'

const STARTUP_MS = 600_000

const workDir = process.env.JEC_TEST_WORK_DIR!
let server: ChildProcess
let browser: Browser
let client: ApiClient
let baseUrl: string
let phaseId: number

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

async function waitUntilReady(deadline: number) {
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the CMS did not start:\n${fs.readFileSync(path.join(workDir, 'server.log'), 'utf8').slice(-3000)}`)
}

const password = 'Password-correct-horse-1'
const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.org`, password })

beforeAll(async () => {
  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  const log = fs.openSync(path.join(workDir, 'server.log'), 'a')
  server = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/server.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URI: `file:${path.join(workDir, 'admin.db')}`,
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      NODE_OPTIONS: '',
      PORT: String(port),
      RUN_JOBS: 'false',
      SEED_ON_START: 'false',
      SERVE_ADMIN: 'true',
      SERVER_URL: baseUrl,
    },
    stdio: ['ignore', log, log],
  })
  await waitUntilReady(Date.now() + 180_000)
  client = new ApiClient(baseUrl)

  // Through the API as the people themselves would: the first account is the admin's.
  const created = await client.json('POST', '/api/users/first-register', { body: person('Ada') })
  expect(created.status).toBe(200)
  const admin = await client.login(person('Ada'))
  for (const [name, roles] of [
    ['Eddie', ['editor']],
    ['Sam', ['steering']],
    ['Sue', ['steering']],
  ] as const) {
    expect((await client.json('POST', '/api/users', { auth: admin, body: { ...person(name), roles } })).status).toBe(201)
  }
  const editor = await client.login(person('Eddie'))
  const phase = await client.json<{ doc: { id: number } }>('POST', '/api/phases', {
    auth: editor,
    body: { number: 1, title: 'Preparation' },
  })
  await client.json('POST', '/api/deliverables', {
    auth: editor,
    body: { type: 'pocket-card', phase: phase.body.doc.id, title: 'Pocket card', workStatus: 'approved' },
  })
  phaseId = phase.body.doc.id
  const gates = await client.json<{ docs: Array<{ id: number }> }>('GET', `/api/gates?where[phase][equals]=${phase.body.doc.id}`, {
    auth: editor,
  })
  const round = await client.json('POST', '/api/gate-rounds', {
    auth: editor,
    body: { dueAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(), gate: gates.body.docs[0].id },
  })
  expect(round.status).toBe(201)

  browser = await chromium.launch({
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
}, STARTUP_MS)

afterAll(async () => {
  await browser?.close()
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  fs.rmSync(workDir, { force: true, recursive: true })
}, 30_000)

test(
  'a steering member logs in, sees the round awaiting their vote and casts it',
  async () => {
    const page = await browser.newPage()
    // Next compiles each admin route on its first visit in development: generous timeouts.
    await page.goto(`${baseUrl}/admin/login`, { timeout: 300_000 })
    await page.fill('input[name="email"]', person('Sam').email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 300_000 })

    await page.goto(`${baseUrl}/admin/steering`, { timeout: 300_000 })
    const card = page.getByRole('article', { name: /Round 1 of Preparation/ })
    await card.waitFor({ timeout: 120_000 })
    await card.getByText('Deliverable "Pocket card"').waitFor()
    await card.getByLabel('Request changes').check()
    await card.getByLabel('Comment').fill('Please add the hotline numbers.')
    await card.getByRole('button', { name: 'Cast vote' }).click()
    await card.getByRole('status').getByText('Your vote is recorded.').waitFor({ timeout: 30_000 })
    await card.getByRole('button', { name: 'Change vote' }).waitFor()

    const sam = await client.login(person('Sam'))
    const votes = await client.json<{ docs: Array<{ choice: string; comment: string }> }>('GET', '/api/gate-votes', { auth: sam })
    expect(votes.body.docs).toEqual([expect.objectContaining({ choice: 'request-changes', comment: 'Please add the hotline numbers.' })])

    // The gate panel on the phase shows the vote with the member's name to staff.
    await page.goto(`${baseUrl}/admin/collections/phases/${phaseId}`, { timeout: 300_000 })
    const panel = page.getByRole('region', { name: 'Phase gate' })
    await panel.getByText('request-changes').waitFor({ timeout: 120_000 })
    expect(await panel.textContent()).toMatch(/Decision: none.*Round 1: open until.*Sam.*Please add the hotline numbers\./s)
    await page.close()
  },
  STARTUP_MS,
)
