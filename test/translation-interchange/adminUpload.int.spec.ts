/**
 * XLIFF from the admin in a real browser: a translator of `nl` exports their locale through the
 * XLIFF view's form, translates the file as a CAT tool would, and uploads it through the same view,
 * which shows the import's report. A file whose source went stale shows the conflict and writes
 * nothing. The same translator analyses the export's leverage and pre-translates a task from the
 * memory through the view. Like the workflow's editor test it starts the CMS with Next in a child process and drives
 * Debian's Chromium; what the upload did is checked through the API.
 */
import type { Browser, Page } from 'playwright-core'

import { readFile } from 'node:fs/promises'

import type { AdminServer } from '../helpers/browser'
import type { ApiClient } from '../helpers/host'

import { launchChromium, person, registerPeople, signInToAdmin, startAdminServer } from '../helpers/browser'
import { translateAll } from './shared'

const STARTUP_MS = 600_000

let cms: AdminServer
let browser: Browser
let page: Page
let client: ApiClient
let baseUrl: string
let editor: { token: string }
let nora: { token: string }
let shelterId: number
let hotlineId: number

const dutch = (text: string) => (text.trim() === '' ? text : `NL ${text}`)

type Task = { id: number; status: string }

const nlTaskOf = async (partnerId: number) => {
  const { body } = await client.json<{ docs: Task[] }>(
    'GET',
    `/api/translation-tasks?where[targetCollection][equals]=partners&where[documentId][equals]=${partnerId}&where[locale][equals]=nl&depth=0`,
    { auth: editor },
  )
  return body.docs[0]!
}

/** The partner's latest Dutch text, drafts included and without falling back to English: what an import wrote. */
const dutchName = async (partnerId: number) =>
  (
    await client.json<{ name?: null | string }>('GET', `/api/partners/${partnerId}?locale=nl&draft=true&fallback-locale=none&depth=0`, {
      auth: nora,
    })
  ).body.name ?? null

const createPartner = async (name: string) => {
  const { body, status } = await client.json<{ doc: { id: number } }>('POST', '/api/partners', {
    auth: editor,
    body: { name, _status: 'published', country: 'BE', sector: 'ngo' },
  })
  expect(status).toBe(201)
  return body.doc.id
}

/** Exports nl through the view's form and returns the downloaded file. */
const exportThroughForm = async (): Promise<string> => {
  const form = page.getByRole('form', { name: 'Export XLIFF' })
  await form.getByLabel('Locale').selectOption('nl')
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    form.getByRole('button', { name: 'Download' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('translation-en-nl.xliff')
  return readFile(await download.path(), 'utf8')
}

/** Uploads a file for nl through the view's form; resolves once the server's answer is shown. */
const uploadThroughForm = async (xml: string) => {
  const form = page.getByRole('form', { name: 'Import XLIFF' })
  await form.getByLabel('Locale').selectOption('nl')
  await form
    .getByLabel('XLIFF file')
    .setInputFiles({ name: 'translated.xliff', buffer: Buffer.from(xml), mimeType: 'application/xliff+xml' })
  await form.getByRole('button', { name: 'Upload' }).click()
  const section = page.getByRole('region', { name: 'Import' })
  await section.getByRole('alert').or(section.getByRole('status')).waitFor({ timeout: 60_000 })
  return section
}

beforeAll(async () => {
  cms = await startAdminServer({ timeoutMs: 300_000 })
  ;({ baseUrl, client } = cms)

  await registerPeople(client, [
    ['Eddie', { roles: ['editor'] }],
    ['Nora', { roles: ['translator'], translatorLocales: ['nl'] }],
  ])
  editor = await client.login(person('Eddie'))
  nora = await client.login(person('Nora'))
  shelterId = await createPartner('Shelter Network')
  hotlineId = await createPartner('Helpline Alliance')
  for (const id of [shelterId, hotlineId]) {
    expect((await client.json('POST', `/api/translation-tasks/${(await nlTaskOf(id)).id}/claim`, { auth: nora })).status).toBe(200)
  }

  browser = await launchChromium()
  page = await browser.newPage({ acceptDownloads: true })
  await signInToAdmin(page, baseUrl, person('Nora'))
}, STARTUP_MS)

afterAll(async () => {
  await browser?.close()
  await cms?.stop()
}, 30_000)

test(
  'the navigation links to the XLIFF view',
  async () => {
    expect(await page.getByRole('link', { name: 'XLIFF exchange' }).getAttribute('href', { timeout: 120_000 })).toBe('/admin/xliff')
    await page.goto(`${baseUrl}/admin/xliff`, { timeout: 300_000 })
    await page.getByRole('heading', { name: 'XLIFF exchange' }).waitFor({ timeout: 120_000 })
  },
  STARTUP_MS,
)

test(
  'a file whose source changed since the export: the view shows the conflict by unit, and nothing is written',
  async () => {
    const exported = await exportThroughForm()
    expect(exported).toContain(`original="partners/${hotlineId}"`)
    const changed = await client.json('PATCH', `/api/partners/${hotlineId}?locale=en`, {
      auth: editor,
      body: { name: 'Helpline Alliance Europe' },
    })
    expect(changed.status).toBe(200)

    const section = await uploadThroughForm(translateAll(exported, dutch))
    await section
      .getByRole('alert')
      .getByText(/^Nothing was written\./)
      .waitFor()
    const report = section.getByRole('table', { name: 'Import report' })
    const stale = report.getByRole('row', { name: `partners/${hotlineId} name`, exact: true })
    expect(await stale.getByRole('cell').allTextContents()).toEqual([
      `partners/${hotlineId}`,
      'name',
      'refused (stale)',
      'The source changed after this file was exported; re-export and translate the new source.',
    ])
    // The other document's unit passed every check and is still not written: the import is all or nothing.
    const accepted = report.getByRole('row', { name: `partners/${shelterId} name`, exact: true })
    expect(await accepted.getByRole('cell').nth(2).textContent()).toBe('accepted, not written')
    expect(await dutchName(shelterId)).toBeNull()
    expect(await dutchName(hotlineId)).toBeNull()
    expect(await nlTaskOf(shelterId)).toMatchObject({ status: 'in-progress' })
  },
  STARTUP_MS,
)

test(
  'export → translate → upload: the report lists the accepted units and the translations are written',
  async () => {
    const exported = await exportThroughForm()
    const section = await uploadThroughForm(translateAll(exported, dutch))
    await section.getByRole('status').getByText('Imported: 2 unit(s) written as drafts.').waitFor()
    const report = section.getByRole('table', { name: 'Import report' })
    for (const id of [shelterId, hotlineId]) {
      expect(
        await report
          .getByRole('row', { name: `partners/${id} name`, exact: true })
          .getByRole('cell')
          .nth(2)
          .textContent(),
      ).toBe('written')
    }
    expect(await dutchName(shelterId)).toBe('NL Shelter Network')
    expect(await dutchName(hotlineId)).toBe('NL Helpline Alliance Europe')
    expect(await nlTaskOf(shelterId)).toMatchObject({ status: 'in-review' })
  },
  STARTUP_MS,
)

test(
  'an export larger than the documents per file comes in parts: the view downloads the first and offers the others',
  async () => {
    const form = page.getByRole('form', { name: 'Export XLIFF' })
    await form.getByLabel('Locale').selectOption('nl')
    await form.getByLabel('Documents per file').fill('1')
    const [first] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      form.getByRole('button', { name: 'Download' }).click(),
    ])
    expect(first.suggestedFilename()).toBe('translation-en-nl-part-1-of-2.xliff')
    const section = page.getByRole('region', { name: 'Export' })
    await section.getByRole('status').getByText('Downloaded translation-en-nl-part-1-of-2.xliff: part 1 of 2 of 2 documents.').waitFor()

    const [second] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      section.getByRole('navigation', { name: 'Parts of the export' }).getByRole('button', { name: 'Part 2' }).click(),
    ])
    expect(second.suggestedFilename()).toBe('translation-en-nl-part-2-of-2.xliff')
    const originals = await Promise.all(
      [first, second].map(async (download) => /original="([^"]+)"/.exec(await readFile(await download.path(), 'utf8'))?.[1]),
    )
    expect(originals.sort()).toEqual([`partners/${shelterId}`, `partners/${hotlineId}`].sort())
  },
  STARTUP_MS,
)

test(
  'the translator analyses their export: the view shows the leverage bands of what the form would download',
  async () => {
    const remembered = await client.json('POST', '/api/translation-memory', {
      auth: editor,
      body: { context: 'partners:name', origin: 'tmx', source: 'Shelter Network', sourceLocale: 'en', target: 'Opvangnetwerk', targetLocale: 'nl' },
    })
    expect(remembered.status).toBe(201)
    const form = page.getByRole('form', { name: 'Export XLIFF' })
    await form.getByLabel('Locale').selectOption('nl')
    await form.getByLabel('Documents per file').fill('1000')
    await form.getByRole('button', { name: 'Analyse' }).click()
    const bands = page.getByRole('region', { name: 'Leverage' }).getByRole('table', { name: 'Leverage of the export' })
    const row = async (name: string) => bands.getByRole('row', { name, exact: true }).getByRole('cell').allTextContents()
    await bands.waitFor({ timeout: 60_000 })
    // Shelter Network (2 words) is remembered in the same place; Helpline Alliance Europe (3) is not.
    expect(await row('Context match (101 %)')).toEqual(['2', '1', '40.0 %'])
    expect(await row('No match')).toEqual(['3', '1', '60.0 %'])
    expect(await row('Total')).toEqual(['5', '2', '100.0 %'])
    // No rates are set: no cost column.
    expect(await bands.getByRole('columnheader').allTextContents()).toEqual(['Band', 'Words', 'Segments', 'Share'])
  },
  STARTUP_MS,
)

test(
  'the translator pre-translates a task they hold and sees the report; the draft has the fill, the task is not submitted',
  async () => {
    const partnerId = await createPartner('Safe Shelter Network')
    const task = await nlTaskOf(partnerId)
    expect((await client.json('POST', `/api/translation-tasks/${task.id}/claim`, { auth: nora })).status).toBe(200)
    const remembered = await client.json('POST', '/api/translation-memory', {
      auth: editor,
      body: { context: 'partners:name', origin: 'tmx', source: 'Safe Shelter Network', sourceLocale: 'en', target: 'Veilig opvangnetwerk', targetLocale: 'nl' },
    })
    expect(remembered.status).toBe(201)

    const section = page.getByRole('region', { name: 'Pre-translate' })
    const finder = section.getByRole('form', { name: 'Find tasks to pre-translate' })
    await finder.getByLabel('Locale').selectOption('nl')
    await finder.getByRole('button', { name: 'Show open tasks' }).click()
    const chooser = section.getByRole('form', { name: 'Pre-translate tasks' })
    await chooser.getByLabel(`partners/${partnerId} (in-progress)`).check({ timeout: 60_000 })
    await chooser.getByRole('button', { name: 'Pre-translate' }).click()
    await section.getByRole('status').getByText('Pre-translated: 1 field(s) filled as drafts to be reviewed; nothing was submitted.').waitFor({ timeout: 60_000 })
    const report = section.getByRole('table', { name: 'Pre-translation report' })
    expect(await report.getByRole('row', { name: `partners/${partnerId} name`, exact: true }).getByRole('cell').allTextContents()).toEqual([
      `partners/${partnerId}`,
      'name',
      'filled (memory-101)',
      'memory entry from tmx',
    ])
    expect(await dutchName(partnerId)).toBe('Veilig opvangnetwerk')
    expect(await nlTaskOf(partnerId)).toMatchObject({ status: 'in-progress' })
  },
  STARTUP_MS,
)
