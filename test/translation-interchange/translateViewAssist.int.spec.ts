/**
 * The translate view's help in a real browser, with the programme's machine-translation providers
 * pointed at local stand-ins (de DeepL, nl LibreTranslate, ro an OpenAI-compatible model): a
 * translator sees each provider's suggestion with its name and "needs review", uses it (the field is
 * filled, saved as a draft only), and sees the reason when the provider fails. One CMS with Next in
 * a child process for the whole file; further cases join the describe and reuse its setup.
 */
import type { Browser, Page } from 'playwright-core'

import type { AdminServer } from '../helpers/browser'
import type { ApiClient } from '../helpers/host'
import type { MachineTranslationStandIns } from '../helpers/machineTranslationStandIns'

import { launchChromium, person, registerPeople, signInToAdmin, startAdminServer } from '../helpers/browser'
import { startMachineTranslationStandIns } from '../helpers/machineTranslationStandIns'

const STARTUP_MS = 600_000
const TRANSLATOR = 'Tara'

let standIns: MachineTranslationStandIns
let cms: AdminServer
let browser: Browser
let client: ApiClient
let baseUrl: string
let editor: { token: string }
let translator: { token: string }

type Task = { id: number | string; status: string }

const taskOf = async (collection: string, id: number | string, locale: string) => {
  const { body } = await client.json<{ docs: Task[] }>(
    'GET',
    `/api/translation-tasks?where[targetCollection][equals]=${collection}&where[documentId][equals]=${id}&where[locale][equals]=${locale}&depth=0`,
    { auth: editor },
  )
  return body.docs[0]!
}

/** A published partner, created by the editor over REST, with its tasks in the given locales claimed by the translator. */
const claimedPartner = async (name: string, locales: readonly string[]) => {
  const created = await client.json<{ doc: { id: number } }>('POST', '/api/partners', {
    auth: editor,
    body: { name, _status: 'published', country: 'BE', sector: 'ngo' },
  })
  expect(created.status).toBe(201)
  const tasks: Record<string, Task> = {}
  for (const locale of locales) {
    tasks[locale] = await taskOf('partners', created.body.doc.id, locale)
    expect((await client.json('POST', `/api/translation-tasks/${tasks[locale].id}/claim`, { auth: translator })).status).toBe(200)
  }
  return { id: created.body.doc.id, tasks }
}

/** The translator's browser page on a task's editor, once the source and the suggestions are shown. */
const openEditor = async (taskId: number | string, locale: string, source: string): Promise<{ form: ReturnType<Page['getByRole']>; page: Page }> => {
  const page = await browser.newPage()
  await signInToAdmin(page, baseUrl, person(TRANSLATOR))
  await page.goto(`${baseUrl}/admin/translate/${taskId}`, { timeout: 300_000 })
  const form = page.getByRole('form', { name: new RegExp(`into ${locale}`) })
  await form.getByText(source, { exact: true }).first().waitFor({ timeout: 120_000 })
  return { form, page }
}

describe('the translate view with machine translation', () => {
  beforeAll(async () => {
    standIns = await startMachineTranslationStandIns()
    // The admin server's child process inherits this environment: the providers as README's settings name them.
    Object.assign(process.env, standIns.settings('de=deepl,nl=libretranslate,ro=openai'), { MT_TIMEOUT_MS: '3000' })
    cms = await startAdminServer({ timeoutMs: 300_000 })
    ;({ baseUrl, client } = cms)
    await registerPeople(client, [
      ['Eddie', { roles: ['editor'] }],
      [TRANSLATOR, { roles: ['translator'], translatorLocales: ['de', 'nl', 'ro'] }],
    ])
    editor = await client.login(person('Eddie'))
    translator = await client.login(person(TRANSLATOR))
    browser = await launchChromium()
  }, STARTUP_MS)

  afterAll(async () => {
    await browser?.close()
    await cms?.stop()
    await standIns?.stop()
  }, 30_000)

  beforeEach(() => {
    for (const service of ['deepl', 'libretranslate', 'openai'] as const) {
      standIns.failWith(service)
    }
  })

  test(
    "each locale's provider suggests with its name and 'needs review'; Use fills the field, saved as a draft only",
    async () => {
      const partner = await claimedPartner('Shelter Network', ['de', 'nl', 'ro'])
      for (const [locale, provider] of [
        ['de', 'DeepL'],
        ['nl', 'LibreTranslate'],
        ['ro', 'LLM (stand-in-model)'],
      ] as const) {
        const { form, page } = await openEditor(partner.tasks[locale]!.id, locale, 'Shelter Network')
        const suggestion = form.getByRole('list', { name: 'Suggestions for name' }).getByRole('listitem').filter({ hasText: `Machine (${provider})` })
        await suggestion.waitFor({ timeout: 60_000 })
        expect(await suggestion.textContent()).toBe(`Machine (${provider}) · needs review: [${locale}] Shelter Network Use`)
        await suggestion.getByRole('button', { name: `Use Machine (${provider}) suggestion: [${locale}] Shelter Network` }).click()
        expect(await form.getByLabel(/^name$/i).inputValue()).toBe(`[${locale}] Shelter Network`)
        await form.getByRole('button', { name: 'Save draft' }).click()
        await form.getByRole('status').getByText('Draft saved.').waitFor({ timeout: 60_000 })
        await page.close()
        const draft = await client.json<{ name: string }>(
          'GET',
          `/api/partners/${partner.id}?locale=${locale}&draft=true&fallback-locale=none&depth=0`,
          { auth: translator },
        )
        expect(draft.body.name).toBe(`[${locale}] Shelter Network`)
        expect(await taskOf('partners', partner.id, locale)).toMatchObject({ status: 'in-progress' })
      }
    },
    STARTUP_MS,
  )

  test(
    'a failing provider shows its reason instead of the suggestion; the memory still suggests',
    async () => {
      expect(
        (
          await client.json('POST', '/api/translation-memory', {
            auth: editor,
            body: { origin: 'tmx', source: 'Night Shelter', target: 'Nachtasyl', targetLocale: 'de' },
          })
        ).status,
      ).toBe(201)
      const partner = await claimedPartner('Night Shelter', ['de'])
      standIns.failWith('deepl', { status: 456 })
      const { form, page } = await openEditor(partner.tasks.de!.id, 'de', 'Night Shelter')
      const items = form.getByRole('list', { name: 'Suggestions for name' }).getByRole('listitem')
      await items.filter({ hasText: 'Machine (DeepL)' }).waitFor({ timeout: 60_000 })
      expect(await items.allTextContents()).toEqual([
        expect.stringMatching(/^Memory 100% · needs review: Nachtasyl/),
        'Machine (DeepL): no suggestion, quota exceeded (HTTP 456).',
      ])
      await page.close()
    },
    STARTUP_MS,
  )

  // In this describe for its CMS and browser; its own describe for its subject.
  describe('QA in the translate view', () => {
    test(
      'ending punctuation set to error by the editor: the finding shows with its severity, the submit is refused, the draft kept',
      async () => {
        const setSeverity = (severity: string) =>
          client.json('POST', '/api/globals/translation-settings', { auth: editor, body: { qa: { endPunctuation: severity } } })
        expect((await setSeverity('error')).status).toBe(200)
        const partner = await claimedPartner('Safe Harbour', ['nl'])
        const { form, page } = await openEditor(partner.tasks.nl!.id, 'nl', 'Safe Harbour')
        await form.getByLabel(/^name$/i).fill('Veilige Haven.')
        await form.getByRole('button', { name: 'Check' }).click()
        const finding = form.getByRole('region', { name: 'QA findings' }).getByRole('listitem')
        await finding.first().waitFor({ timeout: 60_000 })
        expect(await finding.allTextContents()).toEqual([
          'error · Ending punctuation · Name: The source has no ending punctuation; the translation ends with a full stop. (Veilige Haven.)',
        ])
        await form.getByRole('button', { name: 'Submit for review' }).click()
        await form.getByRole('alert').getByText(/^QA found 1 error\(s\) in the translation/).waitFor({ timeout: 60_000 })
        expect(await finding.allTextContents()).toEqual([expect.stringMatching(/^error · Ending punctuation · Name: The source has no ending punctuation/)])
        await page.close()
        expect(await taskOf('partners', partner.id, 'nl')).toMatchObject({ status: 'in-progress' })
        const draft = await client.json<{ name: string }>('GET', `/api/partners/${partner.id}?locale=nl&draft=true&fallback-locale=none&depth=0`, {
          auth: translator,
        })
        expect(draft.body.name).toBe('Veilige Haven.')
        expect((await setSeverity('warning')).status).toBe(200)
      },
      STARTUP_MS,
    )
  })
})
