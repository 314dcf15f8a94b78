import type { AuthMode, TestHost } from '../helpers/host'

import { createPartner } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { taskOf } from '../translation-workflow/shared'
import { exportXliff } from './shared'

type Band = { band: string; cost?: number; label: string; segments: number; share: number; words: number }
type Analysis = { bands: Band[]; cost?: { currency: string; total: number }; documents: number; segments: number; words: number }
type ExportAnalysis = Analysis & { locale: string; page: number; totalDocuments: number; totalPages: number }

let testHost: TestHost
let editor: AuthMode
let translatorNl: AuthMode
let translatorSv: AuthMode
const partners: Record<string, number | string> = {}

// Each name hits one band by construction, against the memory below (scores as the memory computes them).
const NAMES = [
  ['context', 'Alpha shelter network'], // same text, same place (partners:name) → 101
  ['exact', 'Beta helpline for victims'], // same text, remembered from another place → 100
  ['fuzzy95a', 'Delta counselling service in the north region'], // 97
  ['fuzzy95b', 'Echo legal aid clinics'], // 95
  ['fuzzy85', 'Foxtrot safe hous'], // 85
  ['fuzzy75', 'Kilo meditn offce'], // 80
  ['none', 'Zulu quiet meadow'],
  ['firstGamma', 'Gamma outreach team'], // no match, first time: no match
  ['repeatedGamma', 'Gamma   outreach team'], // the same again (whitespace aside): a repetition
  ['contextAgain', 'Alpha shelter network'], // a 101 stays 101 the second time
] as const

const MEMORY = [
  { context: 'partners:name', source: 'Alpha shelter network', target: 'Alfa opvangnetwerk' },
  { context: 'hotlines:name', source: 'Beta helpline for victims', target: 'Bèta hulplijn voor slachtoffers' },
  { context: 'partners:name', source: 'Delta counselling service in the north regions', target: 'Delta hulpverlening in de noordelijke regio’s' },
  { context: 'partners:name', source: 'Echo legal aid clinic', target: 'Echo rechtshulpkliniek' },
  { context: 'partners:name', source: 'Foxtrot safe housing', target: 'Foxtrot veilige huisvesting' },
  { context: 'partners:name', source: 'Kilo mediation office', target: 'Kilo bemiddelingsbureau' },
]

const EXPECTED_EXPORT = {
  context: { segments: 2, words: 6 },
  exact: { segments: 1, words: 4 },
  fuzzy75: { segments: 1, words: 3 },
  fuzzy85: { segments: 1, words: 3 },
  fuzzy95: { segments: 2, words: 11 },
  none: { segments: 2, words: 6 },
  repetition: { segments: 1, words: 3 },
}

const leverage = (auth: AuthMode, query: string) =>
  testHost.client.json<Analysis & { errors?: Array<{ message: string }> }>('GET', `/api/translation-interchange/leverage?${query}`, { auth })

const byBand = (analysis: Analysis) => Object.fromEntries(analysis.bands.map(({ band, segments, words }) => [band, { segments, words }]))

const taskIdOf = async (key: string, locale: string) => (await taskOf(testHost.payload, 'partners', partners[key]!, locale)).id

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  editor = await client.login(await createUser(payload, ['editor']))
  translatorNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  translatorSv = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['sv'] }))
  for (const entry of MEMORY) {
    await payload.create({
      collection: 'translation-memory',
      data: { ...entry, origin: 'tmx', sourceLocale: 'en', targetLocale: 'nl' },
      overrideAccess: true,
    })
  }
  for (const [key, name] of NAMES) {
    partners[key] = (await createPartner(payload, { name, slug: `leverage-${key}` })).id
  }
})

afterAll(async () => {
  await testHost.stop()
})

describe('bands', () => {
  test('each segment falls into exactly one band, best first; repetitions after their first occurrence', async () => {
    const { body, status } = await leverage(translatorNl, 'locale=nl')
    expect(status).toBe(200)
    expect(byBand(body)).toEqual(EXPECTED_EXPORT)
    expect(body.bands.map((band) => band.label)).toEqual([
      'Context match (101 %)',
      '100 %',
      'Repetitions',
      '95–99 %',
      '85–94 %',
      '75–84 %',
      'No match',
    ])
    expect(body).toMatchObject({ documents: NAMES.length, segments: NAMES.length, words: 36 })
    expect(body.bands.find((band) => band.band === 'fuzzy95')?.share).toBeCloseTo(11 / 36, 10)
    expect(body.bands.reduce((sum, band) => sum + band.share, 0)).toBeCloseTo(1, 10)
  })

  test('without rates the answer has no cost at all, not a zero', async () => {
    const { body } = await leverage(editor, 'locale=nl')
    expect(body).not.toHaveProperty('cost')
    expect(body.bands.every((band) => !('cost' in band))).toBe(true)
  })
})

describe('cost', () => {
  const RATES = { context: 0, currency: 'EUR', exact: 0.03, fuzzy75: 0.09, fuzzy85: 0.07, fuzzy95: 0.05, none: 0.12, repetition: 0.02 }

  afterAll(async () => {
    await testHost.client.json('POST', '/api/globals/translation-settings', { auth: editor, body: { rates: { currency: null } } })
  })

  test('with every band rated, each band and the total have a cost in the currency for editors; a partial sheet gives none', async () => {
    const saved = await testHost.client.json('POST', '/api/globals/translation-settings', { auth: editor, body: { rates: RATES } })
    expect(saved.status).toBe(200)
    const { body } = await leverage(editor, 'locale=nl')
    const costs = Object.fromEntries(body.bands.map(({ band, cost }) => [band, cost]))
    // words × rate, per band (see EXPECTED_EXPORT), rounded to cents.
    expect(costs).toEqual({ context: 0, exact: 0.12, fuzzy75: 0.27, fuzzy85: 0.21, fuzzy95: 0.55, none: 0.72, repetition: 0.06 })
    expect(body.cost).toEqual({ currency: 'EUR', total: 1.93 })

    await testHost.client.json('POST', '/api/globals/translation-settings', { auth: editor, body: { rates: { ...RATES, none: null } } })
    expect((await leverage(editor, 'locale=nl')).body).not.toHaveProperty('cost')
  })

  test("the rates are the editors': a translator's analysis has the same bands and no cost, and the settings show them no rates", async () => {
    expect((await testHost.client.json('POST', '/api/globals/translation-settings', { auth: editor, body: { rates: RATES } })).status).toBe(200)
    const [mine, editors] = [(await leverage(translatorNl, 'locale=nl')).body, (await leverage(editor, 'locale=nl')).body]
    expect(mine).not.toHaveProperty('cost')
    expect(mine.bands.map(({ band, words }) => [band, words])).toEqual(editors.bands.map(({ band, words }) => [band, words]))
    const settings = await testHost.client.json<Record<string, unknown>>('GET', '/api/globals/translation-settings', { auth: translatorNl })
    expect(settings.status).toBe(200)
    expect(settings.body).toHaveProperty('qa')
    expect(settings.body).not.toHaveProperty('rates')
  })

  test('a currency that is not ISO 4217 is refused, and the rates stay as they were', async () => {
    expect((await testHost.client.json('POST', '/api/globals/translation-settings', { auth: editor, body: { rates: RATES } })).status).toBe(200)
    const refused = await testHost.client.json('POST', '/api/globals/translation-settings', {
      auth: editor,
      body: { rates: { ...RATES, currency: 'euros' } },
    })
    expect(refused.status).toBe(400)
    expect((await leverage(editor, 'locale=nl')).body.cost).toEqual({ currency: 'EUR', total: 1.93 })
  })
})

describe('scopes', () => {
  test('per export: exactly the units and documents of the XLIFF export with the same parameters', async () => {
    for (const query of ['locale=nl', 'locale=nl&limit=4&page=2', `locale=nl&documentId=${partners.firstGamma},${partners.repeatedGamma}`]) {
      const { text: xml } = await exportXliff(testHost, translatorNl, query)
      const { body } = await leverage(translatorNl, `scope=export&${query}&version=1.2`)
      expect(body.segments).toBe([...xml.matchAll(/<unit /g)].length)
      expect(body.documents).toBe([...xml.matchAll(/<file /g)].length)
    }
    const second = (await leverage(translatorNl, 'locale=nl&limit=4&page=2')).body as ExportAnalysis
    expect(second).toMatchObject({ documents: 4, page: 2, totalDocuments: NAMES.length, totalPages: 3 })
    // Partners 5–8: 85, 75, none, and the first Gamma (its repeat is in the next part).
    expect(byBand(second)).toMatchObject({ fuzzy75: { segments: 1 }, fuzzy85: { segments: 1 }, none: { segments: 2 }, repetition: { segments: 0 } })
  })

  test('per task set: repetitions count within the set; tasks of several locales each against their own memory', async () => {
    const ids = [await taskIdOf('repeatedGamma', 'nl'), await taskIdOf('context', 'nl'), await taskIdOf('context', 'sv')]
    const { body, status } = await testHost.client.json<{ locales: Array<Analysis & { locale: string }>; total: Analysis }>(
      'GET',
      `/api/translation-interchange/leverage?scope=tasks&tasks=${ids.join(',')}`,
      { auth: editor },
    )
    expect(status).toBe(200)
    const nl = body.locales.find((entry) => entry.locale === 'nl') as Analysis
    const sv = body.locales.find((entry) => entry.locale === 'sv') as Analysis
    // The repeated Gamma is alone in this set: not a repetition here.
    expect(byBand(nl)).toMatchObject({ context: { segments: 1, words: 3 }, none: { segments: 1, words: 3 }, repetition: { segments: 0 } })
    // No Swedish memory: the same text is no match in sv.
    expect(byBand(sv)).toMatchObject({ context: { segments: 0 }, none: { segments: 1, words: 3 } })
    expect(body.total).toMatchObject({ documents: 3, segments: 3, words: 9 })
  })

  test('per locale × collection: every open task, for editors, with totals that add up', async () => {
    const { body, status } = await testHost.client.json<{ rows: Array<Analysis & { collection: string; locale: string }>; total: Analysis }>(
      'GET',
      '/api/translation-interchange/leverage?scope=overview',
      { auth: editor },
    )
    expect(status).toBe(200)
    const nl = body.rows.find((row) => row.locale === 'nl' && row.collection === 'partners') as Analysis
    expect(byBand(nl)).toEqual(EXPECTED_EXPORT)
    const sv = body.rows.find((row) => row.locale === 'sv' && row.collection === 'partners') as Analysis
    expect(byBand(sv)).toMatchObject({ context: { segments: 0 }, exact: { segments: 0 }, repetition: { segments: 2, words: 6 } })
    expect(body.total.words).toBe(body.rows.reduce((sum, row) => sum + row.words, 0))
    expect(body.total.documents).toBe(body.rows.reduce((sum, row) => sum + row.documents, 0))
  })
})

describe('access and parameters', () => {
  test.each([
    ['anonymous', undefined, 'locale=nl', 403],
    ['a translator of another locale, per export', 'sv', 'locale=nl', 403],
    ['a translator, the overview', 'nl', 'scope=overview', 403],
    ['no locale', 'nl', 'scope=export', 400],
    ['an unknown scope', 'nl', 'scope=everything&locale=nl', 400],
    ['a part beyond the last', 'nl', 'locale=nl&limit=5&page=3', 404],
    ['limit above the maximum', 'nl', 'locale=nl&limit=1001', 400],
    ['a task set without ids', 'nl', 'scope=tasks', 400],
  ] as const)('%s (%s, %s): %d', async (_, who, query, expected) => {
    const auth = who === 'nl' ? translatorNl : who === 'sv' ? translatorSv : undefined
    const { body, status } = await leverage(auth, query)
    expect(status).toBe(expected)
    if (who) {
      expect(body.errors?.[0]?.message).toEqual(expect.any(String))
    }
  })

  test('a task of another locale is not found for a translator, and says nothing of it', async () => {
    const nlTask = await taskIdOf('context', 'nl')
    const { body, status } = await leverage(translatorSv, `scope=tasks&tasks=${nlTask}`)
    expect(status).toBe(404)
    expect(body.errors?.[0]?.message).toBe(`No such task of yours: ${nlTask}.`)
  })
})
