import { jest } from '@jest/globals'

import { paragraphs } from '@/lib/richText'

/**
 * Machine-translation suggestions through the real REST endpoint, with the programme's config and
 * its providers (settings as in README: MT_PROVIDER_BY_LOCALE, keys, URLs) pointed at local
 * stand-ins that speak each provider's wire format: de and hu DeepL (hu without DeepL glossaries),
 * nl LibreTranslate, ro an OpenAI-compatible model; fr has none, deliverables are not switched on.
 */
import type { AuthMode, TestHost } from '../helpers/host'
import type { MachineTranslationStandIns } from '../helpers/machineTranslationStandIns'

import { createDeliverable, createHotline, createModule, createPartner, createPhase, createReport } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { startMachineTranslationStandIns } from '../helpers/machineTranslationStandIns'
import { createUser } from '../helpers/users'
import { taskOf } from '../translation-workflow/shared'

type Unit = {
  id: string
  machineTranslation: { needsReview: boolean; provider: string; text: string } | null
  machineTranslationProblem: { provider: string; reason: string } | null
  memory: Array<{ score: number; target: string }>
  source: string
}

const TIMEOUT_MS = 1000
const PROVIDER_LOCALES = ['de', 'hu', 'nl', 'ro'] as const
const ALL_COLLECTIONS_BUT_DELIVERABLES = 'phases,training-modules,reports,partners,hotlines'

/** Strings that must never reach a provider; letters and digits only, so that they read the same form-encoded, in JSON and raw. */
const NEVER_SENT = {
  internalReportSummary: 'Neversendinternalsummary4471',
  internalReportTitle: 'Neversendinternaltitle4471',
  partnerEmail: 'neversendpartnermail4471',
  partnerPerson: 'Neversendpartnerperson4471',
  trainerNotes: 'Neversendtrainernotes4471',
}
/** Strings of public fields of the same documents, which do reach every provider: the proof can fail. */
const SENT = { hotlineNotes: 'Publichotlinenotes4471', moduleContent: 'Publicmodulecontent4471', partnerName: 'Publicpartnername4471' }

let standIns: MachineTranslationStandIns
let testHost: TestHost
let translator: AuthMode
let otherTranslator: AuthMode
let editor: AuthMode
const ids: Record<string, number | string> = {}

const suggestions = async (auth: AuthMode, collection: string, documentId: number | string, locale: string) => {
  const task = await taskOf(testHost.payload, collection, documentId, locale)
  return testHost.client.json<{ task: number | string; units: Unit[] }>('GET', `/api/translation-interchange/suggestions?task=${task.id}`, {
    auth,
  })
}

const unitsOf = async (collection: string, documentId: number | string, locale: string) => {
  const { body, status } = await suggestions(translator, collection, documentId, locale)
  expect(status).toBe(200)
  return body.units
}

const requestsTo = (path: string, method = 'POST') => standIns.requests.filter((request) => request.path === path && request.method === method)

beforeAll(async () => {
  standIns = await startMachineTranslationStandIns()
  // Read when the config loads, as a server reads its environment at start.
  Object.assign(process.env, standIns.settings('de=deepl,hu=deepl,nl=libretranslate,ro=openai'), {
    MT_COLLECTIONS: ALL_COLLECTIONS_BUT_DELIVERABLES,
    MT_TIMEOUT_MS: String(TIMEOUT_MS),
  })
  testHost = await startTestHost()
  const { client, payload } = testHost
  editor = await client.login(await createUser(payload, ['editor']))
  translator = await client.login(await createUser(payload, ['translator'], { translatorLocales: [...PROVIDER_LOCALES, 'fr'] }))
  otherTranslator = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['sv'] }))
  const glossary = (locale: string, term: string, extra: Record<string, unknown>) =>
    payload.create({ collection: 'glossary-terms', data: { locale, term, ...extra } as never, overrideAccess: true })
  for (const locale of ['de', 'hu', 'ro']) {
    ids[`referral-${locale}`] = (await glossary(locale, 'referral', { approvedTranslation: `Referral-${locale}` })).id
    await glossary(locale, 'Europol', { doNotTranslate: true })
  }
  await payload.create({
    collection: 'translation-memory',
    data: { source: 'Referral to Europol', sourceLocale: 'en', target: 'Verweisung an Europol', targetLocale: 'de' } as never,
    overrideAccess: true,
  })
  ids.phase = (await createPhase(payload, { summary: paragraphs('Victims are referred within 24 hours.'), title: 'Referral to Europol' })).id
  ids.deliverable = (await createDeliverable(payload, { description: paragraphs('A deliverable text.'), phase: ids.phase })).id
  ids.partner = (
    await createPartner(payload, {
      name: SENT.partnerName,
      contactEmail: `${NEVER_SENT.partnerEmail}@example.org`,
      contactPerson: NEVER_SENT.partnerPerson,
    })
  ).id
  ids.hotline = (await createHotline(payload, { notes: SENT.hotlineNotes, verification: { lastVerifiedAt: new Date().toISOString() } })).id
  ids.module = (
    await createModule(payload, { content: paragraphs(SENT.moduleContent), trainerNotes: paragraphs(NEVER_SENT.trainerNotes) })
  ).id
  ids.internalReport = (
    await createReport(payload, { summary: paragraphs(NEVER_SENT.internalReportSummary), title: NEVER_SENT.internalReportTitle, visibility: 'internal' })
  ).id
  ids.publicReport = (await createReport(payload, { summary: paragraphs('A public summary.'), title: 'A public report', visibility: 'public' })).id
})

afterAll(async () => {
  await testHost?.stop()
  await standIns?.stop()
})

beforeEach(() => {
  standIns.requests.length = 0
  for (const service of ['deepl', 'libretranslate', 'openai'] as const) {
    standIns.failWith(service)
  }
})

describe('each provider through the suggestions endpoint, as the translator', () => {
  test('DeepL (de): the suggestion with its name, needing review, the locale glossary applied as a DeepL glossary', async () => {
    const title = (await unitsOf('phases', ids.phase!, 'de')).find((unit) => unit.id === 'title')
    expect(title).toMatchObject({
      machineTranslation: { needsReview: true, provider: 'DeepL', text: '[de] Referral-de to Europol' },
      machineTranslationProblem: null,
    })
    const [translation] = requestsTo('/v2/translate')
    expect(translation?.headers.authorization).toBe(`DeepL-Auth-Key ${standIns.keys.deepl}`)
    const form = new URLSearchParams(translation!.body)
    expect([form.get('source_lang')?.toUpperCase(), form.get('target_lang')?.toUpperCase()]).toEqual(['EN', 'DE'])
    expect(form.getAll('text')).toEqual(['Referral to Europol', 'Victims are referred within 24 hours.'])
    const [glossary] = [...standIns.deeplGlossaries.values()]
    expect(form.get('glossary_id')).toBe(glossary!.glossary_id)
    expect(glossary).toMatchObject({ entries: { Europol: 'Europol', referral: 'Referral-de' }, source_lang: 'en', target_lang: 'de' })
  })

  test('DeepL: the glossary is made once, used again while unchanged, and replaced after an edit', async () => {
    await unitsOf('phases', ids.phase!, 'de')
    await unitsOf('phases', ids.phase!, 'de')
    expect(requestsTo('/v2/glossaries')).toHaveLength(0)
    const [before] = [...standIns.deeplGlossaries.keys()]

    const edit = await testHost.client.json('PATCH', `/api/glossary-terms/${ids['referral-de']}`, {
      auth: editor,
      body: { approvedTranslation: 'Überweisung' },
    })
    expect(edit.status).toBe(200)
    const title = (await unitsOf('phases', ids.phase!, 'de')).find((unit) => unit.id === 'title')
    expect(title?.machineTranslation?.text).toBe('[de] Überweisung to Europol')
    expect(requestsTo('/v2/glossaries')).toHaveLength(1)
    expect(requestsTo(`/v2/glossaries/${before}`, 'DELETE')).toHaveLength(1)
    expect([...standIns.deeplGlossaries.values()].map((glossary) => glossary.entries)).toEqual([{ Europol: 'Europol', referral: 'Überweisung' }])
  })

  test('DeepL (hu), a pair DeepL has no glossaries for: translated without one', async () => {
    const title = (await unitsOf('phases', ids.phase!, 'hu')).find((unit) => unit.id === 'title')
    expect(title?.machineTranslation).toEqual({ needsReview: true, provider: 'DeepL', text: '[hu] Referral to Europol' })
    expect(new URLSearchParams(requestsTo('/v2/translate')[0]!.body).has('glossary_id')).toBe(false)
    expect([...standIns.deeplGlossaries.values()].map((glossary) => glossary.target_lang)).toEqual(['de'])
  })

  test('LibreTranslate (nl): q as an array of plain text, with the key', async () => {
    const title = (await unitsOf('phases', ids.phase!, 'nl')).find((unit) => unit.id === 'title')
    expect(title?.machineTranslation).toEqual({ needsReview: true, provider: 'LibreTranslate', text: '[nl] Referral to Europol' })
    const [request] = requestsTo('/translate')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request!.body)).toEqual({
      api_key: standIns.keys.libretranslate,
      format: 'text',
      q: ['Referral to Europol', 'Victims are referred within 24 hours.'],
      source: 'en',
      target: 'nl',
    })
  })

  test('OpenAI-compatible (ro): the prompt carries the pair, the approved translation and the do-not-translate term', async () => {
    const title = (await unitsOf('phases', ids.phase!, 'ro')).find((unit) => unit.id === 'title')
    expect(title?.machineTranslation).toEqual({ needsReview: true, provider: 'LLM (stand-in-model)', text: '[ro] Referral-ro to Europol' })
    const [request] = requestsTo('/chat/completions')
    expect(request?.headers.authorization).toBe(`Bearer ${standIns.keys.openai}`)
    const body = JSON.parse(request!.body) as { messages: Array<{ content: string; role: string }>; model: string }
    expect(body.model).toBe('stand-in-model')
    const system = body.messages.find((message) => message.role === 'system')!.content
    expect(system).toContain('from English (en) into Romanian (ro)')
    expect(system).toContain('- "referral" → "Referral-ro"')
    expect(system).toContain('Never translate these terms; keep them exactly as written:\n- "Europol"')
    expect(JSON.parse(body.messages.at(-1)!.content)).toEqual(['Referral to Europol', 'Victims are referred within 24 hours.'])
  })
})

describe('a provider error never blocks the translator', () => {
  test.each([
    ['DeepL quota', 'deepl', 'de', { status: 456 }, 'DeepL', 'quota exceeded (HTTP 456)'],
    ['DeepL server error', 'deepl', 'de', { status: 500 }, 'DeepL', 'HTTP 500'],
    ['DeepL answer that is not JSON', 'deepl', 'de', { malformed: 'not-json' }, 'DeepL', 'bad answer: not JSON'],
    ['DeepL too few translations', 'deepl', 'de', { malformed: 'wrong-count' }, 'DeepL', 'bad answer: 1 translation(s) for 2 segment(s)'],
    ['LibreTranslate server error', 'libretranslate', 'nl', { status: 500 }, 'LibreTranslate', 'HTTP 500'],
    ['LibreTranslate too slow', 'libretranslate', 'nl', { delayMs: TIMEOUT_MS + 1500 }, 'LibreTranslate', `timed out after ${TIMEOUT_MS} ms`],
    ['LLM prose instead of JSON', 'openai', 'ro', { malformed: 'not-json' }, 'LLM (stand-in-model)', 'bad answer: not JSON'],
    ['LLM too few translations', 'openai', 'ro', { malformed: 'wrong-count' }, 'LLM (stand-in-model)', 'bad answer: 1 translation(s) for 2 segment(s)'],
    ['LLM too slow', 'openai', 'ro', { delayMs: TIMEOUT_MS + 1500 }, 'LLM (stand-in-model)', `timed out after ${TIMEOUT_MS} ms`],
  ] as const)('%s: no machine suggestion, the reason, and the rest of the help', async (_, service, locale, failure, provider, reason) => {
    standIns.failWith(service, failure)
    const warn = jest.spyOn(testHost.payload.logger, 'warn')
    const started = Date.now()
    const units = await unitsOf('phases', ids.phase!, locale)
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000)
    for (const unit of units) {
      expect(unit).toMatchObject({ machineTranslation: null, machineTranslationProblem: { provider, reason } })
    }
    if (locale === 'de') {
      expect(units.find((unit) => unit.id === 'title')?.memory).toEqual([expect.objectContaining({ score: 100, target: 'Verweisung an Europol' })])
    }
    // Logged at warn with the reason, never the text that was to be translated.
    const logged = JSON.stringify(warn.mock.calls)
    warn.mockRestore()
    expect(logged).toContain(reason)
    expect(logged).not.toContain('Referral to Europol')
  })
})

describe('what is not switched on sends nothing', () => {
  test('a locale without a provider (fr) and a collection not switched on (deliverables) have no machine part at all', async () => {
    for (const [collection, id, locale] of [
      ['phases', ids.phase!, 'fr'],
      ['deliverables', ids.deliverable!, 'de'],
    ] as const) {
      const units = await unitsOf(collection, id, locale)
      expect(units.length).toBeGreaterThan(0)
      expect(units.map(({ machineTranslation, machineTranslationProblem }) => [machineTranslation, machineTranslationProblem])).toEqual(
        units.map(() => [null, null]),
      )
    }
    expect(standIns.requests).toEqual([])
  })

  test("a translator of another locale cannot have a task's text sent: not found, no request", async () => {
    expect((await suggestions(otherTranslator, 'phases', ids.phase!, 'de')).status).toBe(404)
    expect(standIns.requests).toEqual([])
  })
})

describe('never-send', () => {
  test('no request to any provider carries a never-send field or an internal report, while public fields of the same documents arrive', async () => {
    const documents = [
      ['partners', ids.partner!],
      ['hotlines', ids.hotline!],
      ['training-modules', ids.module!],
      ['reports', ids.internalReport!],
    ] as const
    for (const locale of PROVIDER_LOCALES) {
      for (const [collection, id] of documents) {
        const units = await unitsOf(collection, id, locale)
        // The translator still gets the rest of the help for the never-send parts: only the provider is left out.
        if (collection === 'reports') {
          expect(units.map((unit) => unit.id).sort()).toEqual(['summary', 'title'])
          expect(units.every((unit) => unit.machineTranslation === null && unit.machineTranslationProblem === null)).toBe(true)
        }
      }
    }
    const raw = standIns.requests.map((request) => `${request.method} ${request.path}\n${JSON.stringify(request.headers)}\n${request.body}`).join('\n')
    const decoded = standIns.requests.map((request) => decodeURIComponent(request.body.replace(/\+/g, ' '))).join('\n')
    for (const marker of Object.values(NEVER_SENT)) {
      expect(raw).not.toContain(marker)
      expect(decoded).not.toContain(marker)
    }
    for (const service of ['deepl', 'libretranslate', 'openai'] as const) {
      const sent = standIns.requests.filter((request) => request.service === service).map((request) => request.body).join('\n')
      for (const marker of Object.values(SENT)) {
        expect(sent).toContain(marker)
      }
    }
    const moduleUnits = await unitsOf('training-modules', ids.module!, 'de')
    expect(moduleUnits.find((unit) => unit.id === 'trainerNotes')).toMatchObject({ machineTranslation: null, source: NEVER_SENT.trainerNotes })
    expect(moduleUnits.find((unit) => unit.id === 'content')?.machineTranslation?.text).toBe(`[de] ${SENT.moduleContent}`)
  })

  test('a public report is sent like any other document', async () => {
    const title = (await unitsOf('reports', ids.publicReport!, 'nl')).find((unit) => unit.id === 'title')
    expect(title?.machineTranslation?.text).toBe('[nl] A public report')
  })
})
