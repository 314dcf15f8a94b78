/**
 * The translation workflow's admin UI in a real browser: a translator of `nl` claims a task in the
 * queue, translates in the side-by-side editor and submits; another translator of `nl` returns it
 * with a comment, the translator sees it and resubmits, and the reviewer approves; a translator sees
 * translation-memory suggestions, glossary terms and QA findings beside the source. Like the
 * steering view's test, it needs Next, so it starts the CMS as `npm run dev` does in a child process
 * with its own database, then drives Debian's Chromium; what the UI did is checked through the API.
 */
import type { Browser } from 'playwright-core'

import type { AdminServer } from '../helpers/browser'
import type { ApiClient } from '../helpers/host'

import { ERRORS } from '../../plugins/translation-workflow/constants'
import { despiteDevReloads, launchChromium, person, registerPeople, signInToAdmin, startAdminServer } from '../helpers/browser'

const STARTUP_MS = 600_000

let cms: AdminServer
let browser: Browser
let client: ApiClient
let baseUrl: string
let partnerId: number
let editor: { token: string }

type Task = {
  assignee?: null | number
  documentId: string
  id: number
  locale: string
  reviewComments?: Array<{ comment: string }>
  status: string
}

const nlTaskOfPartner = async (id = partnerId) => {
  const { body } = await client.json<{ docs: Task[] }>(
    'GET',
    `/api/translation-tasks?where[targetCollection][equals]=partners&where[documentId][equals]=${id}&where[locale][equals]=nl&depth=0`,
    { auth: editor },
  )
  return body.docs[0]!
}

const createPartner = async (name: string) => {
  const partner = await client.json<{ doc: { id: number } }>('POST', '/api/partners', {
    auth: editor,
    body: { name, _status: 'published', country: 'BE', sector: 'ngo' },
  })
  expect(partner.status).toBe(201)
  return partner.body.doc.id
}

const transition = async (auth: { token: string }, taskId: number | string, action: 'claim' | 'submit') => {
  const { body, status } = await client.json('POST', `/api/translation-tasks/${taskId}/${action}`, { auth })
  expect({ body, status }).toMatchObject({ status: 200 })
}

/** A signed-in browser page on a task's editor, and its form once the source is shown. */
const openEditor = async (name: string, taskId: number | string, sourceText: string) => {
  const page = await browser.newPage()
  await signInToAdmin(page, baseUrl, person(name))
  await page.goto(`${baseUrl}/admin/translate/${taskId}`, { timeout: 300_000 })
  const form = page.getByRole('form', { name: /into nl/ })
  await form.getByText(sourceText, { exact: true }).first().waitFor({ timeout: 120_000 })
  return { form, page }
}

beforeAll(async () => {
  cms = await startAdminServer({ timeoutMs: 300_000 })
  ;({ baseUrl, client } = cms)

  await registerPeople(client, [
    ['Eddie', { roles: ['editor'] }],
    ['Nora', { roles: ['translator'], translatorLocales: ['nl'] }],
    ['Ruben', { roles: ['translator'], translatorLocales: ['nl'] }],
  ])
  editor = await client.login(person('Eddie'))
  partnerId = await createPartner('Shelter Network')
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
    // A dropped click leaves the URL without the tab (seen on MongoDB in a full CI-like run).
    await despiteDevReloads(async () => {
      await queue.getByRole('tab', { name: 'Open' }).click({ timeout: 120_000 })
      await page.waitForURL(/\?queue=open$/, { timeout: 30_000 })
    })
    const row = queue.getByRole('row', { name: `partners ${partnerId} nl` })
    // The tab lives in the URL, so a reload shows the same queue.
    await despiteDevReloads(
      async () => {
        await row.waitFor({ timeout: 60_000 })
        await row.getByRole('button', { name: 'Claim' }).click({ timeout: 30_000 })
      },
      () => page.reload({ timeout: 300_000 }),
    )
    await queue.getByRole('status').getByText('Task claimed.').waitFor({ timeout: 30_000 })

    await queue.getByRole('tab', { name: 'My queue' }).click()
    await row.getByRole('link', { name: 'Translate' }).click({ timeout: 30_000 })
    await page.waitForURL(/\/admin\/translate\/[0-9a-f]+$/, { timeout: 300_000 })

    const form = page.getByRole('form', { name: /into nl/ })
    await form.getByText('Shelter Network', { exact: true }).waitFor({ timeout: 120_000 })
    await form.getByLabel(/^name$/i).fill('Opvangnetwerk')
    await form.getByRole('button', { name: 'Submit for review' }).click()
    await form.getByRole('status').getByText('Task submitted.').waitFor({ timeout: 60_000 })

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

test(
  'another translator of nl returns the translation with a comment, the translator sees it and resubmits, the reviewer approves',
  async () => {
    // In review through the API as the translator would be, so this test stands on its own.
    const id = await createPartner('Harbour Shelter')
    const { id: taskId } = await nlTaskOfPartner(id)
    const nora = await client.login(person('Nora'))
    await transition(nora, taskId, 'claim')
    const draft = await client.json('PATCH', `/api/partners/${id}?locale=nl&draft=true&depth=0`, {
      auth: nora,
      body: { name: 'Havenopvang' },
    })
    expect(draft.status).toBe(200)
    await transition(nora, taskId, 'submit')

    const reviewer = await openEditor('Ruben', taskId, 'Harbour Shelter')
    const review = reviewer.form.getByRole('region', { name: 'Review', exact: true })
    // The server's refusal is what the reviewer reads: a return needs a comment.
    await review.getByRole('button', { name: 'Return' }).click()
    await reviewer.form.getByRole('alert').getByText(ERRORS.commentsRequired).waitFor({ timeout: 60_000 })
    await review.getByLabel('Comment for the translator (required to return)').fill('Say "Havenopvanghuis".')
    await review.getByRole('button', { name: 'Return' }).click()
    await reviewer.form.getByRole('status').getByText('Task returned.').waitFor({ timeout: 60_000 })
    expect(await reviewer.form.getByTestId('task-status').textContent()).toBe('returned')

    const translator = await openEditor('Nora', taskId, 'Harbour Shelter')
    const comments = translator.form.getByRole('region', { name: 'Review comments' })
    await comments.getByText('Say "Havenopvanghuis".').waitFor({ timeout: 60_000 })
    expect(await translator.form.getByRole('region', { name: 'Review', exact: true }).count()).toBe(0)
    await translator.form.getByLabel(/^name$/i).fill('Havenopvanghuis')
    await translator.form.getByRole('button', { name: 'Submit for review' }).click()
    await translator.form.getByRole('status').getByText('Task submitted.').waitFor({ timeout: 60_000 })
    // Once submitted, the translator has no review actions on their own translation.
    expect(await translator.form.getByRole('button', { name: 'Approve' }).count()).toBe(0)
    await translator.page.close()

    await reviewer.page.reload({ timeout: 300_000 })
    // The approval shows as the task's status, from the server's answer or, after a development
    // reload that lands between the click and that answer, from the reloaded page.
    const taskStatus = reviewer.form.getByTestId('task-status')
    await despiteDevReloads(
      async () => {
        if ((await taskStatus.textContent({ timeout: 120_000 })) === 'in-review') {
          await reviewer.form.getByRole('button', { name: 'Approve' }).click({ timeout: 120_000 })
        }
        await taskStatus.filter({ hasText: /^approved$/ }).waitFor({ timeout: 60_000 })
      },
      () => reviewer.page.reload({ timeout: 300_000 }),
    )
    await reviewer.page.close()

    expect(await nlTaskOfPartner(id)).toMatchObject({
      reviewComments: [expect.objectContaining({ comment: 'Say "Havenopvanghuis".' })],
      status: 'approved',
    })
    const published = await client.json<{ name: string }>('GET', `/api/partners/${id}?locale=nl&depth=0`)
    expect(published.body.name).toBe('Havenopvanghuis')
  },
  STARTUP_MS,
)

test(
  'a translator sees memory matches with their score (an exact one filled in for review), glossary terms and QA findings',
  async () => {
    for (const [collection, body] of [
      ['translation-memory', { origin: 'tmx', source: 'Safe House Alliance', target: 'Veilig Huis Alliantie', targetLocale: 'nl' }],
      ['translation-memory', { origin: 'tmx', source: 'Safe House Alliances', target: 'Veilige Huizen Alliantie', targetLocale: 'nl' }],
      [
        'glossary-terms',
        {
          approvedTranslation: 'Alliantie',
          definition: 'A formal partnership.',
          forbidden: [{ variant: 'Bond' }],
          locale: 'nl',
          term: 'Alliance',
        },
      ],
    ] as const) {
      expect((await client.json('POST', `/api/${collection}`, { auth: editor, body })).status).toBe(201)
    }
    const id = await createPartner('Safe House Alliance')
    const task = await nlTaskOfPartner(id)
    expect(
      (await client.json('POST', `/api/translation-tasks/${task.id}/claim`, { auth: await client.login(person('Nora')) })).status,
    ).toBe(200)

    const { form, page } = await openEditor('Nora', task.id, 'Alliance')
    const input = form.getByLabel(/^name$/i)
    await form
      .getByText('Filled in from the translation memory (100%): a suggestion, review it before saving.')
      .waitFor({ timeout: 60_000 })
    expect(await input.inputValue()).toBe('Veilig Huis Alliantie')
    expect(await input.getAttribute('aria-describedby')).toBe(
      await form.getByText(/^Filled in from the translation memory/).getAttribute('id'),
    )
    expect(await form.locator('mark', { hasText: 'Alliance' }).getAttribute('title')).toBe(
      'Approved translation: Alliantie · A formal partnership.',
    )
    const suggestions = form.getByRole('list', { name: 'Suggestions for name' })
    expect(await suggestions.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Memory 100% · needs review: Veilig Huis Alliantie/),
      expect.stringMatching(/^Memory 95% · needs review: Veilige Huizen Alliantie/),
    ])

    await input.fill('Veilig Huis Bond')
    await form.getByRole('button', { name: 'Check' }).click()
    const finding = form.getByRole('region', { name: 'QA findings' }).getByRole('listitem').filter({ hasText: 'Bond' })
    await finding.waitFor({ timeout: 60_000 })
    expect(await finding.textContent()).toMatch(/^error · Forbidden term · name: /i)
    expect(await finding.evaluate((item) => getComputedStyle(item).color)).not.toBe(
      await form.getByRole('heading', { name: 'Quality check' }).evaluate((heading) => getComputedStyle(heading).color),
    )
    // The server refuses the submit for the same error; its findings show the same way.
    await form.getByRole('button', { name: 'Submit for review' }).click()
    await form
      .getByRole('alert')
      .getByText(/QA found 1 error/)
      .waitFor({ timeout: 60_000 })
    expect(await nlTaskOfPartner(id)).toMatchObject({ status: 'in-progress' })

    await suggestions.getByRole('button', { name: /^Use Memory 95%/ }).click()
    expect(await input.inputValue()).toBe('Veilige Huizen Alliantie')
    await form.getByRole('button', { name: 'Save draft' }).click()
    await form.getByRole('status').getByText('Draft saved.').waitFor({ timeout: 60_000 })
    await page.close()
    const draft = await client.json<{ name: string }>('GET', `/api/partners/${id}?locale=nl&draft=true&fallback-locale=none&depth=0`, {
      auth: await client.login(person('Nora')),
    })
    expect(draft.body.name).toBe('Veilige Huizen Alliantie')
  },
  STARTUP_MS,
)
