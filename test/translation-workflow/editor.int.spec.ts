/**
 * The translation workflow's admin UI in a real browser: a translator of `nl` claims a task in the
 * queue, translates in the side-by-side editor and submits. Like the steering view's test, it needs
 * Next, so it starts the CMS as `npm run dev` does in a child process with its own database, then
 * drives Debian's Chromium; what the UI did is checked through the API.
 */
import type { Browser } from 'playwright-core'

import type { AdminServer } from '../helpers/browser'
import type { ApiClient } from '../helpers/host'

import { launchChromium, signInToAdmin, startAdminServer } from '../helpers/browser'

const STARTUP_MS = 600_000

let cms: AdminServer
let browser: Browser
let client: ApiClient
let baseUrl: string
let partnerId: number
let editor: { token: string }

const password = 'Password-correct-horse-1'
const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.org`, password })

type Task = { assignee?: null | number; documentId: string; id: number; locale: string; status: string }

const nlTaskOfPartner = async () => {
  const { body } = await client.json<{ docs: Task[] }>(
    'GET',
    `/api/translation-tasks?where[targetCollection][equals]=partners&where[documentId][equals]=${partnerId}&where[locale][equals]=nl&depth=0`,
    { auth: editor },
  )
  return body.docs[0]!
}

beforeAll(async () => {
  cms = await startAdminServer({ timeoutMs: 300_000 })
  ;({ baseUrl, client } = cms)

  // Through the API as the people themselves would: the first account is the admin's.
  expect((await client.json('POST', '/api/users/first-register', { body: person('Ada') })).status).toBe(200)
  const admin = await client.login(person('Ada'))
  for (const [name, body] of [
    ['Eddie', { roles: ['editor'] }],
    ['Nora', { roles: ['translator'], translatorLocales: ['nl'] }],
  ] as const) {
    expect((await client.json('POST', '/api/users', { auth: admin, body: { ...person(name), ...body } })).status).toBe(201)
  }
  editor = await client.login(person('Eddie'))
  const partner = await client.json<{ doc: { id: number } }>('POST', '/api/partners', {
    auth: editor,
    body: { name: 'Shelter Network', _status: 'published', country: 'BE', sector: 'ngo' },
  })
  expect(partner.status).toBe(201)
  partnerId = partner.body.doc.id
  expect(await nlTaskOfPartner()).toMatchObject({ status: 'untranslated' })

  browser = await launchChromium()
}, STARTUP_MS)

afterAll(async () => {
  await browser?.close()
  await cms?.stop()
}, 30_000)

test(
  'a translator of nl claims a task in the queue, translates a field side by side and submits it for review',
  async () => {
    const page = await browser.newPage()
    await signInToAdmin(page, baseUrl, person('Nora'))

    await page.goto(`${baseUrl}/admin/translations`, { timeout: 300_000 })
    const queue = page.getByRole('region', { name: 'Translation queue' })
    await queue.getByRole('tab', { name: 'Open' }).click({ timeout: 120_000 })
    await page.waitForURL(/\?queue=open$/)
    const row = queue.getByRole('row', { name: `partners ${partnerId} nl` })
    await row.waitFor({ timeout: 120_000 })
    // Development mode reloads the page when a late module finishes compiling, which on a loaded
    // machine can drop the first click; the tab lives in the URL, so a reload shows the same queue.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await row.getByRole('button', { name: 'Claim' }).click({ timeout: 30_000 })
        break
      } catch (error) {
        if (attempt === 3) {
          throw error
        }
        await page.reload({ timeout: 300_000 })
      }
    }
    await queue.getByRole('status').getByText('Task claimed.').waitFor({ timeout: 30_000 })

    await queue.getByRole('tab', { name: 'My queue' }).click()
    await row.getByRole('link', { name: 'Translate' }).click({ timeout: 30_000 })
    await page.waitForURL(/\/admin\/translate\/[0-9a-f]+$/, { timeout: 300_000 })

    const form = page.getByRole('form', { name: /into nl/ })
    await form.getByText('Shelter Network', { exact: true }).waitFor({ timeout: 120_000 })
    await form.getByLabel(/^name$/i).fill('Opvangnetwerk')
    await form.getByRole('button', { name: 'Submit for review' }).click()
    await form.getByRole('status').getByText('Submitted for review.').waitFor({ timeout: 60_000 })

    // The document's sidebar lists the translator's locale with its status, linked to the editor.
    await page.goto(`${baseUrl}/admin/collections/partners/${partnerId}`, { timeout: 300_000 })
    const panel = page.getByRole('region', { name: 'Translations' })
    await panel.getByText('in-review').waitFor({ timeout: 120_000 })
    expect(await panel.getByRole('link', { name: 'nl' }).getAttribute('href')).toMatch(/\/admin\/translate\/[0-9a-f]+$/)

    // The dashboard's chart: one partner in nl, now in progress (in review).
    await page.goto(`${baseUrl}/admin`, { timeout: 300_000 })
    const chart = page.getByRole('region', { name: 'Translation progress' })
    await chart.getByRole('img', { name: /In progress 1 \(100%\)/ }).waitFor({ timeout: 120_000 })
    expect(await chart.getByRole('rowheader').allTextContents()).toEqual(['nl · partners'])
    await page.close()

    const nora = await client.login(person('Nora'))
    const draft = await client.json<{ name: string }>(
      'GET',
      `/api/partners/${partnerId}?locale=nl&draft=true&fallback-locale=none&depth=0`,
      {
        auth: nora,
      },
    )
    expect(draft.body.name).toBe('Opvangnetwerk')
    expect(await nlTaskOfPartner()).toMatchObject({ status: 'in-review' })
    // Not published: anonymous readers still get the source's text in nl.
    const published = await client.json<{ name: string }>('GET', `/api/partners/${partnerId}?locale=nl&depth=0`)
    expect(published.body.name).toBe('Shelter Network')
  },
  STARTUP_MS,
)
