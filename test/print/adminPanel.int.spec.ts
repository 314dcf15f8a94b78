/**
 * The print panel in the real admin UI: the CMS runs as `npm run dev` does (express + Next in
 * development mode, its own database, the queue off), the phase is released the way the steering
 * group releases it (a round and a vote over REST), the admin runs the queue over Payload's jobs
 * endpoint, and an editor reads the deliverable's editions in Debian's Chromium.
 */
import type { Browser, Page } from 'playwright-core'

import type { AdminServer } from '../helpers/browser'
import type { ApiClient } from '../helpers/host'

import { despiteDevReloads, launchChromium, person, registerPeople, signInToAdmin, startAdminServer } from '../helpers/browser'

const STARTUP_MS = 600_000

type Edition = { status: string; version: null | string }

let cms: AdminServer
let browser: Browser
let client: ApiClient
let baseUrl: string
let admin: { token: string }
let editor: { token: string }
let cardId: number
let hotlineId: number

/** Runs the queue as an admin may over REST (the server's own cron is off) until the card's edition is current. */
async function renderPrints(): Promise<Edition> {
  for (let run = 0; run < 10; run += 1) {
    const ran = await client.request('GET', '/api/payload-jobs/run?limit=50', { auth: admin })
    expect(ran.status).toBe(200)
    const { body } = await client.json<{ docs: Edition[] }>('GET', `/api/print-editions?where[deliverable][equals]=${cardId}&where[locale][equals]=en`, { auth: editor })
    if (body.docs[0]?.status === 'current') {
      return body.docs[0]
    }
  }
  throw new Error('the pocket card was not rendered within 10 runs of the queue')
}

beforeAll(async () => {
  cms = await startAdminServer({ timeoutMs: 300_000 })
  ;({ baseUrl, client } = cms)
  admin = await registerPeople(client, [
    ['Eddie', { roles: ['editor'] }],
    ['Sam', { roles: ['steering'] }],
  ])
  editor = await client.login(person('Eddie'))
  const steering = await client.login(person('Sam'))

  const hotline = await client.json<{ doc: { id: number } }>('POST', '/api/hotlines', {
    auth: editor,
    body: {
      name: 'Helpline for victims of crime',
      _status: 'published',
      country: 'EU',
      phone: '116006',
      verification: { intervalDays: 180, lastVerifiedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() },
    },
  })
  expect(hotline).toMatchObject({ status: 201 })
  hotlineId = hotline.body.doc.id
  const phase = await client.json<{ doc: { id: number } }>('POST', '/api/phases', { auth: editor, body: { number: 1, title: 'Preparation' } })
  const card = await client.json<{ doc: { id: number } }>('POST', '/api/deliverables', {
    auth: editor,
    body: {
      type: 'pocket-card',
      indicators: [{ indicator: 'Does not hold their own passport' }],
      phase: phase.body.doc.id,
      printCountry: 'BE',
      title: 'Indicators of trafficking',
      workStatus: 'approved',
    },
  })
  expect(card).toMatchObject({ status: 201 })
  cardId = card.body.doc.id
  const gates = await client.json<{ docs: Array<{ id: number }> }>('GET', `/api/gates?where[phase][equals]=${phase.body.doc.id}`, { auth: editor })
  const round = await client.json<{ doc: { id: number } }>('POST', '/api/gate-rounds', {
    auth: editor,
    body: { dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), gate: gates.body.docs[0]!.id },
  })
  expect(round).toMatchObject({ status: 201 })
  // The only steering member approves: the gate says go and publishes the card.
  const vote = await client.json('POST', '/api/gate-votes', { auth: steering, body: { choice: 'approve', comment: 'Ready to print', round: round.body.doc.id } })
  expect(vote).toMatchObject({ status: 201 })
  await renderPrints()

  browser = await launchChromium()
}, STARTUP_MS)

afterAll(async () => {
  await browser?.close()
  await cms?.stop()
}, 30_000)

/** The deliverable's print panel once the editions have loaded in it. */
async function openPanel(page: Page, status: string) {
  const panel = page.getByRole('region', { name: 'Print' })
  await despiteDevReloads(
    async () => {
      await page.goto(`${baseUrl}/admin/collections/deliverables/${cardId}`, { timeout: 300_000 })
      await panel.getByText(status, { exact: true }).waitFor({ timeout: 120_000 })
    },
    () => page.waitForTimeout(2_000),
  )
  return panel
}

test(
  'an editor sees the current edition with its preview and download, sees it stale after a change, and has it rendered again',
  async () => {
    const page = await browser.newPage()
    await signInToAdmin(page, baseUrl, person('Eddie'))
    const first = (await client.json<{ docs: Edition[] }>('GET', `/api/print-editions?where[deliverable][equals]=${cardId}`, { auth: editor })).body.docs[0]!

    let panel = await openPanel(page, 'current')
    const english = panel.getByRole('listitem').filter({ hasText: 'EN' })
    await english.getByText(`v${first.version}`, { exact: false }).waitFor()
    // The preview is a real image the browser could decode, and the download is the PDF.
    const preview = english.getByRole('img', { name: 'First page, en' })
    await preview.waitFor()
    await page.waitForFunction((element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 0, await preview.elementHandle(), {
      timeout: 30_000,
    })
    const href = await english.getByRole('link', { name: 'Download PDF' }).getAttribute('href')
    const pdf = await fetch(new URL(href!, baseUrl))
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')

    // A printed hotline renamed: the card is withheld until it is rendered again.
    const renamed = await client.json('PATCH', `/api/hotlines/${hotlineId}`, { auth: editor, body: { name: 'EU helpline for victims of crime' } })
    expect(renamed.status).toBe(200)
    panel = await openPanel(page, 'stale')
    expect((await fetch(new URL(href!, baseUrl))).status).toBe(404)

    await panel.getByRole('button', { name: 'Render all languages again' }).click()
    await panel.getByRole('status').getByText(/Queued/).waitFor({ timeout: 30_000 })
    const rendered = await renderPrints()
    expect(rendered.version).not.toBe(first.version)
    panel = await openPanel(page, 'current')
    await panel.getByText(`v${rendered.version}`, { exact: false }).waitFor()
    await page.close()
  },
  STARTUP_MS,
)
