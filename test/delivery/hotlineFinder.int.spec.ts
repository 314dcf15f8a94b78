import type { Payload } from 'payload'

import { FINDER, FINDER_ERRORS } from '@collections/Hotlines/constants'

import { setClock } from '@/lib/clock'

import type { TestHost } from '../helpers/host'

import { createHotline } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { clearCollections } from '../helpers/payload'
import { createUser } from '../helpers/users'

/**
 * The hotline finder (`GET /api/hotlines/find`, GraphQL `FindHotlines`) through the real host:
 * each filter, the EU-wide numbers, open now at fixed instants, paging, what each reader may see,
 * hostile parameters, and the response cache's bound at a closing time. docs/api.md, "Hotline finder".
 */
let testHost: TestHost
let payload: Payload
let editor: { token: string }
let editorId: number | string
let hotlinesKey: string
let partnersKey: string

// Monday 2026-12-07, winter: Brussels is UTC+1. The clock is fixed so `at` stays within its year.
const mondayMorning = '2026-12-07T08:00:00.000Z'
const mondayTen = '2026-12-07T09:00:00.000Z'
const tuesdayThree = '2026-12-08T02:00:00.000Z'

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri']
const everyDay = [...weekdays, 'sat', 'sun']
const office = { alwaysOpen: false, hours: [{ closes: '17:00', days: weekdays, opens: '09:00' }], timeZone: 'Europe/Brussels' }
const nights = { alwaysOpen: false, hours: [{ closes: '06:00', days: everyDay, opens: '22:00' }], timeZone: 'Europe/Brussels' }
const always = { alwaysOpen: true, hours: [], timeZone: 'Europe/Brussels' }
const never = { alwaysOpen: false, hours: [], timeZone: 'Europe/Brussels' }

type Found = Record<string, unknown> & { id: number | string; name: null | string; nextChangeAt: null | string; openNow: boolean }
type Answer = { docs: Found[]; errors?: Array<{ message: string }>; hasNextPage: boolean; page: number; totalDocs: number; totalPages: number }

const find = (search: string, headers: Record<string, string> = {}, auth?: { token: string }) =>
  testHost.client.json<Answer>('GET', `/api/hotlines/find${search ? `?${search}` : ''}`, { auth, headers })

const namesOf = (answer: { body: Answer }) => answer.body.docs.map(({ name }) => name)

const line = (name: string, data: Record<string, unknown> = {}) => createHotline(payload, { name, availability: never, ...data })

/** Reads of the hotlines collection reaching the database adapter while `work` runs. */
async function hotlineReadsDuring(work: () => Promise<unknown>): Promise<number> {
  const db = payload.db as unknown as Record<string, (args: { collection?: string }) => Promise<unknown>>
  const originals = Object.fromEntries(['find', 'findOne', 'count', 'queryDrafts'].map((name) => [name, db[name]]))
  let reads = 0
  for (const [name, original] of Object.entries(originals)) {
    db[name] = function countedRead(this: unknown, args) {
      reads += args?.collection === 'hotlines' ? 1 : 0
      return original.call(this, args)
    }
  }
  try {
    await work()
  } finally {
    Object.assign(db, originals)
  }
  return reads
}

beforeAll(async () => {
  setClock(() => new Date(mondayMorning))
  testHost = await startTestHost()
  payload = testHost.payload
  const editorUser = await createUser(payload, ['editor'])
  editorId = editorUser.id
  editor = await testHost.client.login(editorUser)
  const admin = await testHost.client.login(await createUser(payload, ['admin']))
  const keyFor = async (name: string, scopes: string[]) =>
    (await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', { auth: admin, body: { name, scopes } })).body.doc.apiKey
  hotlinesKey = await keyFor('Hotline site', ['hotlines'])
  partnersKey = await keyFor('Partner site', ['partners'])
})

beforeEach(async () => {
  setClock(() => new Date(mondayMorning))
  await clearCollections(payload, ['hotlines'])
})

afterAll(async () => {
  setClock()
  await testHost?.stop()
})

describe('the route', () => {
  test('/api/hotlines/find is the finder, matched before /api/hotlines/:id', async () => {
    const hotline = await line('Only line')
    const found = await find('')
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({ page: 1, totalDocs: 1, totalPages: 1 })
    expect(found.body.docs.map(({ id }) => id)).toEqual([hotline.id])
    // The document route still answers by id.
    expect((await testHost.client.json('GET', `/api/hotlines/${hotline.id}`)).status).toBe(200)
  })
})

describe('filters', () => {
  test('country brings the EU-wide numbers along unless includeEU=false', async () => {
    await line('Belgian line', { country: 'BE' })
    await line('Dutch line', { country: 'NL' })
    await line('EU line', { country: 'EU', phone: '116006' })
    expect(namesOf(await find('country=BE'))).toEqual(['Belgian line', 'EU line'])
    expect(namesOf(await find('country=BE&includeEU=false'))).toEqual(['Belgian line'])
    expect(namesOf(await find('country=EU'))).toEqual(['EU line'])
    expect(namesOf(await find(''))).toEqual(['Belgian line', 'Dutch line', 'EU line'])
  })

  test('audience, language and free of charge', async () => {
    await line('Trafficking line', { audiences: ['victims-of-trafficking'], freeOfCharge: true, languages: ['nl', 'fr'] })
    await line('Crime line', { audiences: ['victims-of-crime', 'general-public'], freeOfCharge: false, languages: ['en'] })
    await line('Child line', { audiences: ['children'], freeOfCharge: true, languages: ['fr'] })
    expect(namesOf(await find('audience=victims-of-trafficking'))).toEqual(['Trafficking line'])
    expect(namesOf(await find('audience=general-public'))).toEqual(['Crime line'])
    expect(namesOf(await find('language=fr'))).toEqual(['Child line', 'Trafficking line'])
    expect(namesOf(await find('free=true'))).toEqual(['Child line', 'Trafficking line'])
    // false lifts the filter; it does not ask for charged lines.
    expect(namesOf(await find('free=false'))).toEqual(['Child line', 'Crime line', 'Trafficking line'])
    expect(namesOf(await find('free=true&language=fr&audience=children'))).toEqual(['Child line'])
  })

  test('q matches every word of the name, ignoring case and accents', async () => {
    await line('Télé-Accueil Bruxelles')
    await line('Child helpline')
    expect(namesOf(await find('q=tele'))).toEqual(['Télé-Accueil Bruxelles'])
    expect(namesOf(await find('q=ACCUEIL%20t%C3%A9l%C3%A9'))).toEqual(['Télé-Accueil Bruxelles'])
    expect(namesOf(await find('q=bruxelles%20child'))).toEqual([])
    // Wildcards are plain characters here, never a pattern.
    expect(namesOf(await find('q=%25'))).toEqual([])
  })
})

describe('open now', () => {
  beforeEach(async () => {
    await line('A night line', { availability: nights })
    await line('B office line', { availability: office })
    await line('C never open', { availability: never })
    await line('D always open', { availability: always })
  })

  test('at Monday 10:00 in Brussels: open ones first, each with its next change', async () => {
    const { body } = await find(`at=${mondayTen}`)
    expect(body.docs.map(({ name, nextChangeAt, openNow }) => ({ name, nextChangeAt, openNow }))).toEqual([
      { name: 'B office line', nextChangeAt: '2026-12-07T16:00:00.000Z', openNow: true },
      { name: 'D always open', nextChangeAt: null, openNow: true },
      { name: 'A night line', nextChangeAt: '2026-12-07T21:00:00.000Z', openNow: false },
      { name: 'C never open', nextChangeAt: null, openNow: false },
    ])
    expect((body as unknown as { at: string }).at).toBe(mondayTen)
    expect(namesOf(await find(`at=${mondayTen}&openNow=true`))).toEqual(['B office line', 'D always open'])
  })

  test("Tuesday 03:00 is Monday night's span; the office is closed until 09:00", async () => {
    const { body } = await find(`at=${encodeURIComponent('2026-12-08T03:00:00+01:00')}&openNow=true`)
    expect(body.docs.map(({ name, nextChangeAt }) => ({ name, nextChangeAt }))).toEqual([
      { name: 'A night line', nextChangeAt: '2026-12-08T05:00:00.000Z' },
      { name: 'D always open', nextChangeAt: null },
    ])
    const office = (await find(`at=${tuesdayThree}&q=office`)).body.docs[0]
    expect(office).toMatchObject({ nextChangeAt: '2026-12-08T08:00:00.000Z', openNow: false })
  })

  test('without at, open now is judged on the clock', async () => {
    setClock(() => new Date(mondayTen))
    expect(namesOf(await find('openNow=true'))).toEqual(['B office line', 'D always open'])
    setClock(() => new Date('2026-12-07T16:30:00Z'))
    expect(namesOf(await find('openNow=true'))).toEqual(['D always open'])
  })
})

describe('paging and locales', () => {
  test('pages follow the finder order; a page beyond the last is 400', async () => {
    for (const name of ['Line 3', 'Line 1', 'Line 2']) {
      await line(name)
    }
    const first = await find('limit=2')
    expect(first.body).toMatchObject({ hasNextPage: true, page: 1, totalDocs: 3, totalPages: 2 })
    expect(namesOf(first)).toEqual(['Line 1', 'Line 2'])
    expect(namesOf(await find('limit=2&page=2'))).toEqual(['Line 3'])
    const beyond = await find('limit=2&page=3')
    expect(beyond).toEqual({ body: { errors: [{ message: FINDER_ERRORS.beyondLastPage(3, 2) }] }, status: 400 })
  })

  test('locale with English fallback, or none', async () => {
    const translated = await line('Belgian test line')
    await payload.update({ id: translated.id, collection: 'hotlines', data: { name: 'Belgische testlijn' }, locale: 'nl', overrideAccess: true })
    await line('Untranslated line')
    expect(namesOf(await find('locale=nl'))).toEqual(['Belgische testlijn', 'Untranslated line'])
    // Without a fallback the untranslated name is left out of the document, as Payload's find does.
    expect(namesOf(await find('locale=nl&fallbackLocale=none')).sort()).toEqual(['Belgische testlijn', undefined])
    expect(namesOf(await find('locale=nl&fallback-locale=none')).sort()).toEqual(['Belgische testlijn', undefined])
  })
})

describe('who sees what', () => {
  test('drafts are never returned, to anyone; a published line shows its published version', async () => {
    await line('Draft only line', { _status: 'draft' })
    const published = await line('Published name')
    await payload.update({ id: published.id, collection: 'hotlines', data: { name: 'Draft rename' }, draft: true, overrideAccess: true })
    for (const answer of [await find(''), await find('', { 'x-api-key': hotlinesKey }), await find('', {}, editor)]) {
      expect(answer.status).toBe(200)
      expect(namesOf(answer)).toEqual(['Published name'])
    }
  })

  test('staff-only fields are absent for anonymous and API-key readers, as on GET /api/hotlines', async () => {
    await line('Verified line', { verification: { lastVerifiedAt: mondayMorning, lastVerifiedBy: editorId } })
    for (const headers of [{}, { 'x-api-key': hotlinesKey }] as Array<Record<string, string>>) {
      const [doc] = (await find('', headers)).body.docs
      expect(doc.verification).toMatchObject({ lastVerifiedAt: mondayMorning, status: 'current' })
      expect(doc.verification).not.toHaveProperty('lastVerifiedBy')
      expect(JSON.stringify(doc)).not.toContain('lastVerifiedBy')
    }
    const [staffDoc] = (await find('', {}, editor)).body.docs
    expect((staffDoc.verification as { lastVerifiedBy: unknown }).lastVerifiedBy).toEqual(editorId)
  })

  test('a key without the hotlines scope is refused as on GET /api/hotlines, over REST and GraphQL', async () => {
    await line('Any line')
    const headers = { 'x-api-key': partnersKey }
    const list = await testHost.client.json('GET', '/api/hotlines', { headers })
    const finder = await find('', headers)
    expect(list.status).toBe(403)
    expect(finder).toEqual(list)
    const graphql = async (query: string) => (await testHost.client.json<{ data?: unknown; errors?: Array<{ message: string }> }>('POST', '/api/graphql', { body: { query }, headers })).body
    expect((await graphql('{ FindHotlines { totalDocs } }')).errors?.[0]?.message).toMatch(/An API key may not query FindHotlines/)
    expect((await graphql('{ Hotlines { totalDocs } }')).errors?.[0]?.message).toMatch(/An API key may not query Hotlines/)
    expect((await find('', { 'x-api-key': hotlinesKey })).status).toBe(200)
  })
})

describe('GraphQL FindHotlines', () => {
  const findQuery = `query Find($country: String, $openNow: Boolean, $at: String, $limit: Int) {
    FindHotlines(country: $country, openNow: $openNow, at: $at, limit: $limit, locale: nl, fallbackLocale: en) {
      at totalDocs totalPages page hasNextPage
      docs { id name country openNow nextChangeAt verification { status } availability { alwaysOpen timeZone hours { days opens closes } } }
    }
  }`

  test('answers what REST answers for the same search, with the Hotline type and a key of the hotlines scope', async () => {
    await line('Belgian office', { availability: office, country: 'BE' })
    await line('EU always', { availability: always, country: 'EU', phone: '116006' })
    await line('Dutch line', { availability: always, country: 'NL' })
    await line('Closed Belgian line', { country: 'BE' })
    const variables = { at: mondayTen, country: 'BE', limit: 5, openNow: true }
    const rest = await find(`country=BE&openNow=true&at=${mondayTen}&limit=5&locale=nl&fallbackLocale=en`)
    const { body } = await testHost.client.json<{ data: { FindHotlines: Answer }; errors?: unknown }>('POST', '/api/graphql', {
      body: { query: findQuery, variables },
      headers: { 'x-api-key': hotlinesKey },
    })
    expect(body.errors).toBeUndefined()
    const answer = body.data.FindHotlines
    expect(answer).toMatchObject({ at: mondayTen, hasNextPage: false, page: 1, totalDocs: 2, totalPages: 1 })
    expect(answer.docs.map(({ id, name, nextChangeAt, openNow }) => ({ id, name, nextChangeAt, openNow }))).toEqual(
      rest.body.docs.map(({ id, name, nextChangeAt, openNow }) => ({ id, name, nextChangeAt, openNow })),
    )
    expect(answer.docs.map(({ name }) => name)).toEqual(['Belgian office', 'EU always'])
    // GraphQL spells the zone as Payload's enum does.
    expect(answer.docs[0]).toMatchObject({ availability: { ...office, timeZone: 'Europe_Brussels' }, verification: { status: 'unverified' } })
  })

  test('staff-only fields are null for the public; bad arguments are refused with the REST message', async () => {
    await line('Verified line', { verification: { lastVerifiedAt: mondayMorning, lastVerifiedBy: editorId } })
    const { data } = await testHost.client.graphql<{ FindHotlines: { docs: Array<{ verification: { lastVerifiedBy: unknown } }> } }>(
      '{ FindHotlines { docs { verification { lastVerifiedBy { id } } } } }',
    )
    expect(data?.FindHotlines.docs).toEqual([{ verification: { lastVerifiedBy: null } }])
    const refused = await testHost.client.graphql('query { FindHotlines(country: "XX") { totalDocs } }')
    expect(refused.data?.FindHotlines ?? null).toBeNull()
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { statusCode: 400 },
      message: FINDER_ERRORS.unknownCode('country', 'XX', 'an ISO 3166-1 alpha-2 code in capitals (BE), or EU'),
    })
  })
})

describe('hostile and wrong parameters', () => {
  test.each([
    ['country=XX', /country "XX" is not known/],
    ['country=be', /country "be" is not known/],
    ['audience=aliens', /audience "aliens" is not known/],
    ['language=xx', /language "xx" is not known/],
    ['locale=xx', /locale "xx" is not known/],
    ['fallbackLocale=xx', /fallbackLocale "xx" is not known/],
    ['fallbackLocale=en&fallback-locale=none', /fallbackLocale must be given once/],
    ['free=maybe', /free must be true or false/],
    ['openNow=yes', /openNow must be true or false/],
    ['includeEU=0', /includeEU must be true or false/],
    ['at=yesterday', /at must be an ISO 8601 instant/],
    ['at=2026-12-07', /at must be an ISO 8601 instant/],
    ['at=2026-12-07T10:00:00', /at must be an ISO 8601 instant/],
    ['at=2026-02-30T10:00:00Z', /at must be an ISO 8601 instant/],
    ['at=2028-01-01T00:00:00Z', /at must lie within 366 days of now/],
    ['country[$ne]=x', /country must be given once, as a plain value/],
    ['country[]=BE', /country must be given once/],
    ['country=BE&country=NL', /country must be given once/],
    ['audience[in][0]=children', /audience must be given once/],
    ['limit=51', /limit must be a whole number from 1 to 50/],
    ['limit=0', /limit must be a whole number from 1 to 50/],
    ['limit=-1', /limit must be a whole number/],
    ['limit=1e1', /limit must be a whole number/],
    ['page=0', /page must be a whole number from 1 to 1000/],
    ['page=abc', /page must be a whole number/],
    [`q=${'a'.repeat(FINDER.maxQueryLength + 1)}`, /q may be at most 100 characters/],
    ['q=a%00b', /without control characters/],
    ['where[name][equals]=x', /"where" is not a finder parameter/],
    ['depth=5', /"depth" is not a finder parameter/],
  ])('%s → 400, and no hotline is read', async (search, message) => {
    await line('Untouched line')
    const before = await payload.find({ collection: 'hotlines', overrideAccess: true })
    let answer: Awaited<ReturnType<typeof find>> | undefined
    const reads = await hotlineReadsDuring(async () => {
      answer = await find(search)
    })
    expect(answer!.status).toBe(400)
    expect(answer!.body.errors?.[0]?.message).toMatch(message)
    expect(reads).toBe(0)
    expect(await payload.find({ collection: 'hotlines', overrideAccess: true })).toEqual(before)
  })

  test(`more than ${FINDER.maxCandidates} candidates are refused with the count, not cut`, async () => {
    // The bound is checked on the database's count: lower it for this test rather than create 501 lines.
    const original = FINDER.maxCandidates
    Object.assign(FINDER, { maxCandidates: 2 })
    try {
      for (const name of ['One', 'Two', 'Three']) {
        await line(name)
      }
      const refused = await find('')
      expect(refused.status).toBe(400)
      expect(refused.body.errors?.[0]?.message).toBe(FINDER_ERRORS.tooManyCandidates(3))
      expect((await find('country=NL')).status).toBe(200)
    } finally {
      Object.assign(FINDER, { maxCandidates: original })
    }
  })
})

describe('the response cache and the clock', () => {
  test('an answer cached before a closing time is not served after it', async () => {
    await line('Office line', { availability: office })
    await line('Always line', { availability: always })
    const read = async () => {
      const response = await testHost.client.request('GET', '/api/hotlines/find?openNow=true')
      return { cache: response.headers.get('x-cache'), names: ((await response.json()) as Answer).docs.map(({ name }) => name) }
    }
    // Monday 16:58 in Brussels; the office closes at 17:00 (16:00 UTC).
    setClock(() => new Date('2026-12-07T15:58:00Z'))
    expect(await read()).toEqual({ cache: 'MISS', names: ['Always line', 'Office line'] })
    setClock(() => new Date('2026-12-07T15:59:59Z'))
    expect(await read()).toEqual({ cache: 'HIT', names: ['Always line', 'Office line'] })
    setClock(() => new Date('2026-12-07T16:00:00Z'))
    expect(await read()).toEqual({ cache: 'MISS', names: ['Always line'] })
  })

  test('a plain list of hotlines is bounded by the same change', async () => {
    await line('Office line', { availability: office })
    setClock(() => new Date('2026-12-07T15:58:00Z'))
    expect((await testHost.client.request('GET', '/api/hotlines?limit=5')).headers.get('x-cache')).toBe('MISS')
    expect((await testHost.client.request('GET', '/api/hotlines?limit=5')).headers.get('x-cache')).toBe('HIT')
    setClock(() => new Date('2026-12-07T16:00:00Z'))
    expect((await testHost.client.request('GET', '/api/hotlines?limit=5')).headers.get('x-cache')).toBe('MISS')
  })

  test('refusals are not stored', async () => {
    const response = await testHost.client.request('GET', '/api/hotlines/find?country=XX')
    expect(response.status).toBe(400)
    expect(response.headers.get('x-cache')).toBeNull()
  })
})
