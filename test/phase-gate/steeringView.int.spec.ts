/**
 * The steering view in the real admin UI: unlike the other tests this one needs Next, so it starts
 * the CMS as `npm run dev` does (express + Next in development mode) in a child process with its
 * own database, then drives Debian's Chromium.
 */
import type { Browser } from 'playwright-core'

import type { AdminServer } from '../helpers/browser'
import type { ApiClient } from '../helpers/host'

import { launchChromium, person, registerPeople, signInToAdmin, startAdminServer } from '../helpers/browser'

const STARTUP_MS = 600_000

let cms: AdminServer
let browser: Browser
let client: ApiClient
let baseUrl: string
let phaseId: number

beforeAll(async () => {
  cms = await startAdminServer({ timeoutMs: 300_000 })
  ;({ baseUrl, client } = cms)

  await registerPeople(client, [
    ['Eddie', { roles: ['editor'] }],
    ['Sam', { roles: ['steering'] }],
    ['Sue', { roles: ['steering'] }],
  ])
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

  browser = await launchChromium()
}, STARTUP_MS)

afterAll(async () => {
  await browser?.close()
  await cms?.stop()
}, 30_000)

test(
  'a steering member logs in, sees the round awaiting their vote and casts it',
  async () => {
    const page = await browser.newPage()
    await signInToAdmin(page, baseUrl, person('Sam'))

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
