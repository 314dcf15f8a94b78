import { paragraphs } from '@/lib/richText'

/**
 * Public search (plugins/public-search) through the real host: REST and GraphQL, what it finds and
 * how it ranks, that it follows every kind of write before the write's response returns, and that
 * it only ever answers what the reader may read.
 */
import type { TestHost } from '../helpers/host'

import { createDeliverable, createHotline, createPartner, createPhase, createReport, releasePhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

type Hit = { collection: string; id: number | string; locale: string; score: number; snippet: string; title: string }
type Answer = { docs: Hit[]; errors?: Array<{ message: string }>; hasNextPage: boolean; page: number; totalDocs: number; totalPages: number; truncated: boolean }

let testHost: TestHost
let editor: { token: string }

const search = async (query: string, init: { apiKey?: string; auth?: { token: string } } = {}) => {
  const response = await testHost.client.request('GET', `/api/search?${query}`, {
    auth: init.auth,
    headers: init.apiKey ? { authorization: `API-Key ${init.apiKey}` } : undefined,
  })
  return { body: (await response.json()) as Answer, cache: response.headers.get('x-cache'), status: response.status }
}

const titles = (answer: Answer) => answer.docs.map(({ title }) => title)

beforeAll(async () => {
  testHost = await startTestHost()
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
})

afterAll(async () => {
  await testHost?.stop()
})

describe('what it finds', () => {
  test('title words rank above body words, every word must match, and a typo in a title word still finds it', async () => {
    await createHotline(testHost.payload, { name: 'Lighthouse Helpline', notes: 'Answers in Flemish.' })
    await createHotline(testHost.payload, { name: 'Harbour Line', notes: 'Formerly the lighthouse helpline of Antwerp.' })
    const answer = await search('q=lighthouse%20helpline&locale=en')
    expect(answer.status).toBe(200)
    expect(titles(answer.body)).toEqual(['Lighthouse Helpline', 'Harbour Line'])
    expect(answer.body.docs[0]!.score).toBeGreaterThan(answer.body.docs[1]!.score)
    expect(answer.body.docs[1]!.snippet).toBe('Formerly the lighthouse helpline of Antwerp.')
    // Both words are needed: "lighthouse flemish" is only in the first.
    expect(titles((await search('q=lighthouse%20flemish')).body)).toEqual(['Lighthouse Helpline'])
    // One letter left out, one swapped, one changed.
    for (const typo of ['lighthose', 'ligthhouse', 'lighthousr']) {
      expect(titles((await search(`q=${typo}`)).body)).toContain('Lighthouse Helpline')
    }
    // Two edits away is not the same word.
    expect((await search('q=lightbusr')).body.totalDocs).toBe(0)
  })

  test('case and accents do not matter, and numbers are words', async () => {
    const line = await createHotline(testHost.payload, { name: 'Södertälje Stödlinje', phone: '+46855001234' })
    for (const query of ['sodertalje', 'SÖDERTÄLJE', 'stodlinje']) {
      expect((await search(`q=${encodeURIComponent(query)}`)).body.docs.map(({ id }) => String(id))).toEqual([String(line.id)])
    }
    expect((await search('q=46855001234')).body.docs.map(({ id }) => String(id))).toEqual([String(line.id)])
  })

  test('a page of hits at a time, with the totals', async () => {
    for (let index = 0; index < 5; index += 1) {
      await createHotline(testHost.payload, { name: `Paginated Quokka Line ${index}` })
    }
    const first = await search('q=quokka&limit=2&page=1')
    expect(first.body).toMatchObject({ hasNextPage: true, page: 1, totalDocs: 5, totalPages: 3, truncated: false })
    expect(first.body.docs).toHaveLength(2)
    const last = await search('q=quokka&limit=2&page=3')
    expect(last.body.docs).toHaveLength(1)
    expect(new Set([...first.body.docs, ...(await search('q=quokka&limit=2&page=2')).body.docs, ...last.body.docs].map(({ id }) => String(id))).size).toBe(5)
  })
})

describe('languages', () => {
  test("a reader's locale is searched in its own text where there is one, and in English where there is none", async () => {
    const translated = await createPartner(testHost.payload, { name: 'Wombat Shelter Network' })
    await testHost.payload.update({ id: translated.id, collection: 'partners', data: { name: 'Wombat Opvangnetwerk' }, locale: 'nl', overrideAccess: true })
    const untranslated = await createPartner(testHost.payload, { name: 'Wombat Legal Aid' })

    const nl = await search('q=wombat&locale=nl')
    expect(nl.body.docs.map(({ locale, title }) => [title, locale]).sort()).toEqual([
      ['Wombat Legal Aid', 'en'],
      ['Wombat Opvangnetwerk', 'nl'],
    ])
    // Its Dutch text does not say "shelter", so a Dutch reader does not find it by that word.
    expect(titles((await search('q=wombat%20shelter&locale=nl')).body)).toEqual([])
    expect(titles((await search('q=wombat%20shelter&locale=en')).body)).toEqual(['Wombat Shelter Network'])
    // Without the fallback, only what exists in Dutch.
    expect(titles((await search('q=wombat&locale=nl&fallbackLocale=none')).body)).toEqual(['Wombat Opvangnetwerk'])
    expect(untranslated.id).toBeDefined()
  })

  test('a per-locale publish changes that locale only; a draft in it changes nothing', async () => {
    const partner = await createPartner(testHost.payload, { name: 'Numbat Shelter' })
    await testHost.payload.update({
      id: partner.id,
      collection: 'partners',
      data: { name: 'Numbat Refuge', _status: 'published' },
      locale: 'fr',
      overrideAccess: true,
      publishSpecificLocale: 'fr',
    })
    expect(titles((await search('q=numbat&locale=fr&fallbackLocale=none')).body)).toEqual(['Numbat Refuge'])
    expect(titles((await search('q=numbat&locale=en')).body)).toEqual(['Numbat Shelter'])
    const draft = await testHost.client.json('PATCH', `/api/partners/${partner.id}?locale=fr&draft=true`, { auth: editor, body: { name: 'Numbat Brouillon' } })
    expect(draft.status).toBe(200)
    expect(titles((await search('q=numbat&locale=fr')).body)).toEqual(['Numbat Refuge'])
    expect((await search('q=brouillon&locale=fr')).body.totalDocs).toBe(0)
  })
})

describe('only what the reader may read', () => {
  test('drafts, unpublished and deleted documents are never found; staff-only fields are not searched', async () => {
    await createHotline(testHost.payload, { name: 'Platypus Draft Line', _status: 'draft' })
    expect((await search('q=platypus')).body.totalDocs).toBe(0)

    const published = await createHotline(testHost.payload, { name: 'Platypus Line' })
    expect(titles((await search('q=platypus')).body)).toEqual(['Platypus Line'])
    // A newer draft's words are not public yet.
    const draft = await testHost.client.json('PATCH', `/api/hotlines/${published.id}?draft=true`, { auth: editor, body: { name: 'Platypus Secret Line' } })
    expect(draft.status).toBe(200)
    expect((await search('q=secret%20platypus')).body.totalDocs).toBe(0)

    const unpublish = await testHost.client.json('PATCH', `/api/hotlines/${published.id}`, { auth: editor, body: { _status: 'draft' } })
    expect(unpublish.status).toBe(200)
    expect((await search('q=platypus')).body.totalDocs).toBe(0)

    const republished = await createHotline(testHost.payload, { name: 'Platypus Line Again' })
    expect((await testHost.client.json('DELETE', `/api/hotlines/${republished.id}`, { auth: editor })).status).toBe(200)
    expect((await search('q=platypus')).body.totalDocs).toBe(0)

    await createPartner(testHost.payload, { name: 'Echidna Partners', contactPerson: 'Konstantin Privatperson' })
    expect((await search('q=privatperson')).body.totalDocs).toBe(0)
    expect(titles((await search('q=echidna')).body)).toEqual(['Echidna Partners'])
  })

  test("a deliverable of a phase whose gate has not said go is not found, until it has; an internal report never", async () => {
    const phase = await createPhase(testHost.payload)
    await createDeliverable(testHost.payload, { description: paragraphs('A pocket card on bilby indicators.'), phase: phase.id, title: 'Bilby Pocket Card' })
    await createReport(testHost.payload, { title: 'Bilby Internal Review', visibility: 'internal' })
    expect((await search('q=bilby')).body.totalDocs).toBe(0)
    await releasePhase(testHost.payload, phase.id)
    const answer = await search('q=bilby')
    expect(titles(answer.body)).toEqual(['Bilby Pocket Card'])
    expect(answer.body.docs[0]!.snippet).toBe('A pocket card on bilby indicators.')
    // Staff may read internal reports, so their search finds it.
    expect(titles((await search('q=bilby', { auth: editor })).body).sort()).toEqual(['Bilby Internal Review', 'Bilby Pocket Card'])
  })

  test("an API key searches only its scopes' collections", async () => {
    const admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
    const created = await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', {
      auth: admin,
      body: { name: 'Kiwi widget', scopes: ['hotlines'] },
    })
    expect(created.status).toBe(201)
    await createHotline(testHost.payload, { name: 'Kiwi Hotline' })
    await createPartner(testHost.payload, { name: 'Kiwi Partner' })
    const key = { apiKey: created.body.doc.apiKey }
    const scoped = await search('q=kiwi', key)
    expect(scoped.body).toMatchObject({ totalDocs: 1 })
    expect(titles(scoped.body)).toEqual(['Kiwi Hotline'])
    expect(titles((await search('q=kiwi')).body).sort()).toEqual(['Kiwi Hotline', 'Kiwi Partner'])
    const graphql = await testHost.client.request('POST', '/api/graphql', {
      body: { query: '{ Search(q: "kiwi") { docs { title } } }' },
      headers: { authorization: `API-Key ${key.apiKey}` },
    })
    expect(((await graphql.json()) as { data: { Search: Answer } }).data.Search.docs.map(({ title }) => title)).toEqual(['Kiwi Hotline'])

    // A key that reads none of the searched collections is refused at the door, as for any route outside its scopes.
    const phasesOnly = await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', {
      auth: admin,
      body: { name: 'Phase tracker', scopes: ['phases'] },
    })
    expect((await search('q=kiwi', { apiKey: phasesOnly.body.doc.apiKey })).status).toBe(403)
  })
})

describe('it follows every write', () => {
  test('an edit and a restored version are searchable as soon as their responses return; a cached answer is not served after them', async () => {
    const line = await createHotline(testHost.payload, { name: 'Dingo Line' })
    const first = await search('q=dingo')
    expect(titles(first.body)).toEqual(['Dingo Line'])
    expect((await search('q=dingo')).cache).toBe('HIT')

    const edit = await testHost.client.json('PATCH', `/api/hotlines/${line.id}`, { auth: editor, body: { name: 'Dingo Crisis Line' } })
    expect(edit.status).toBe(200)
    const afterEdit = await search('q=dingo')
    expect(afterEdit.cache).toBe('MISS')
    expect(titles(afterEdit.body)).toEqual(['Dingo Crisis Line'])

    const { docs: versions } = await testHost.payload.findVersions({
      collection: 'hotlines',
      overrideAccess: true,
      sort: 'createdAt',
      where: { and: [{ parent: { equals: line.id } }, { 'version._status': { equals: 'published' } }] },
    })
    const restore = await testHost.client.json('POST', `/api/hotlines/versions/${versions[0]!.id}`, { auth: editor })
    expect(restore.status).toBe(200)
    expect(titles((await search('q=dingo')).body)).toEqual(['Dingo Line'])
    expect((await search('q=crisis%20dingo')).body.totalDocs).toBe(0)
  })

  test('a bulk update by where reindexes every document it changed', async () => {
    await createHotline(testHost.payload, { name: 'Emu Line One', country: 'LU' })
    await createHotline(testHost.payload, { name: 'Emu Line Two', country: 'LU' })
    const bulk = await testHost.client.json('PATCH', `/api/hotlines?where[name][like]=Emu%20Line&locale=en`, { auth: editor, body: { notes: 'Cassowary shift' } })
    expect(bulk.status).toBe(200)
    expect(titles((await search('q=cassowary')).body).sort()).toEqual(['Emu Line One', 'Emu Line Two'])
  })

  test('the rebuild brings back a lost index and removes entries of documents that are gone', async () => {
    await createHotline(testHost.payload, { name: 'Wallaby Line' })
    await testHost.payload.delete({ collection: 'search-entries' as never, overrideAccess: true, where: { title: { equals: 'Wallaby Line' } } })
    expect((await search('q=wallaby')).body.totalDocs).toBe(0)
    const contract = testHost.payload.config.custom.publicSearch as { rebuild: (payload: unknown, onProgress: (progress: unknown) => void) => Promise<unknown[]> }
    const progress: Array<{ collection: string; done: number; total: number }> = []
    const report = await contract.rebuild(testHost.payload, (step) => progress.push(step as never))
    expect(report).toHaveLength(5)
    expect(progress.some(({ collection, done, total }) => collection === 'hotlines' && done === total && total > 0)).toBe(true)
    expect(titles((await search('q=wallaby')).body)).toEqual(['Wallaby Line'])
  })
})

describe('GraphQL', () => {
  test('Search answers as REST does', async () => {
    await createHotline(testHost.payload, { name: 'Quoll Helpline', notes: 'Quoll support.' })
    const rest = await search('q=quoll&locale=en')
    const body = await testHost.client.graphql<{ Search: Answer }>(
      `query ($q: String!) { Search(q: $q, locale: "en", limit: 10) { docs { id collection locale score snippet title } totalDocs totalPages hasNextPage truncated } }`,
      { q: 'quoll' },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data!.Search.totalDocs).toBe(rest.body.totalDocs)
    expect(body.data!.Search.docs.map(({ id, title }: Hit) => [String(id), title])).toEqual(rest.body.docs.map(({ id, title }) => [String(id), title]))
    const refused = await testHost.client.graphql(`{ Search(q: "***") { totalDocs } }`)
    expect(refused.errors?.[0]?.message).toMatch(/no word|plain words/)
  })
})

describe('limits', () => {
  test.each([
    ['no query', ''],
    ['an empty query', 'q='],
    ['a query given twice', 'q=a&q=b'],
    ['a query as an object', 'q[$gt]='],
    ['wildcards only', 'q=***'],
    ['a wildcard', 'q=help*'],
    ['field syntax', 'q=title:help'],
    ['JSON', 'q=%7B%22%24where%22%3A1%7D'],
    ['a query too long', `q=${'a'.repeat(201)}`],
    ['too many words', `q=${'one two three four five six seven eight nine'.replaceAll(' ', '%20')}`],
    ['a page too large', 'q=help&limit=51'],
    ['a page of zero', 'q=help&page=0'],
    ['a collection not searched', 'q=help&collections=users'],
    ['an unknown locale', 'q=help&locale=xx'],
  ])('%s is refused with 400 and a reason', async (_name, query) => {
    const answer = await search(query)
    expect(answer.status).toBe(400)
    expect(answer.body.errors?.[0]?.message).toEqual(expect.any(String))
  })
})
