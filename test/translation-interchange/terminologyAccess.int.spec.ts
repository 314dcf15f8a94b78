/**
 * Translation memory and glossary are scoped to the reader's locales: editors see every entry, a
 * translator only those of the locales they translate (list, by id, `where`, count, GraphQL and the
 * editor's suggestions), steering members none.
 */
import type { CollectionSlug } from 'payload'

import type { AuthMode, TestHost } from '../helpers/host'

import { createPartner } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { taskOf, transition } from '../translation-workflow/shared'

type Entry = { id: number | string; locale?: string; targetLocale?: string }

let testHost: TestHost
let editor: AuthMode
let translatorNl: AuthMode
let translatorDe: AuthMode
let steering: AuthMode
let nlTaskId: number | string
const ids: Record<'glossary-terms' | 'translation-memory', Record<'de' | 'nl', number | string>> = {
  'glossary-terms': { de: 0, nl: 0 },
  'translation-memory': { de: 0, nl: 0 },
}

/** Each collection with the field naming an entry's locale, and its GraphQL names. */
const collections = [
  { slug: 'translation-memory', field: 'targetLocale', list: 'TranslationMemories', one: 'TranslationMemory' },
  { slug: 'glossary-terms', field: 'locale', list: 'GlossaryTerms', one: 'GlossaryTerm' },
] as const

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  editor = await client.login(await createUser(payload, ['editor']))
  translatorNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  translatorDe = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['de'] }))
  steering = await client.login(await createUser(payload, ['steering']))
  const entries = {
    'glossary-terms': {
      de: { approvedTranslation: 'Allianz', forbidden: [{ variant: 'Bund' }], locale: 'de', term: 'Alliance' },
      nl: { approvedTranslation: 'Alliantie', forbidden: [{ variant: 'Bond' }], locale: 'nl', term: 'Alliance' },
    },
    'translation-memory': {
      de: { origin: 'tmx', source: 'Safe House Alliance', target: 'Schutzhaus-Allianz', targetLocale: 'de' },
      nl: { origin: 'tmx', source: 'Safe House Alliance', target: 'Veilig Huis Alliantie', targetLocale: 'nl' },
    },
  }
  for (const slug of ['glossary-terms', 'translation-memory'] as const) {
    for (const locale of ['de', 'nl'] as const) {
      ids[slug][locale] = (await payload.create({ collection: slug as CollectionSlug, data: entries[slug][locale] as never })).id
    }
  }
  const partner = await createPartner(payload, { name: 'Safe House Alliance' })
  nlTaskId = (await taskOf(payload, 'partners', partner.id, 'nl')).id
  expect((await transition(testHost, nlTaskId, 'claim', translatorNl)).status).toBe(200)
})

afterAll(async () => {
  await testHost.stop()
})

const rest = <T>(path: string, auth: AuthMode) => testHost.client.json<T>('GET', path, { auth })

describe.each(collections)('$slug', ({ slug, field, list, one }) => {
  test('REST: a translator of nl lists only nl entries, and finds nothing when asking for de', async () => {
    const all = await rest<{ docs: Entry[]; totalDocs: number }>(`/api/${slug}?depth=0`, translatorNl)
    expect(all.status).toBe(200)
    expect(all.body.docs.map((doc) => doc[field])).toEqual(['nl'])
    const asked = await rest<{ docs: Entry[]; totalDocs: number }>(`/api/${slug}?where[${field}][equals]=de`, translatorNl)
    expect(asked.body.totalDocs).toBe(0)
    expect((await rest<{ totalDocs: number }>(`/api/${slug}/count?where[${field}][in]=de,nl`, translatorNl)).body.totalDocs).toBe(1)
  })

  test('REST: an entry of another locale by id is not found; their own is', async () => {
    expect((await rest(`/api/${slug}/${ids[slug].de}`, translatorNl)).status).toBe(404)
    expect((await rest(`/api/${slug}/${ids[slug].nl}`, translatorNl)).status).toBe(200)
    expect((await rest(`/api/${slug}/${ids[slug].nl}`, translatorDe)).status).toBe(404)
  })

  test('GraphQL: the same', async () => {
    const idType = typeof ids[slug].de === 'number' ? 'Int' : 'String'
    const result = await testHost.client.graphql<Record<string, { docs?: Entry[]; totalDocs?: number }>>(
      `query ($de: ${idType}!) {
        all: ${list}(limit: 100) { totalDocs docs { ${field} } }
        asked: ${list}(where: { ${field}: { equals: de } }) { totalDocs }
        byId: ${one}(id: $de) { id }
      }`,
      { de: ids[slug].de },
      translatorNl,
    )
    expect(result.data?.all).toEqual({ docs: [{ [field]: 'nl' }], totalDocs: 1 })
    expect(result.data?.asked?.totalDocs).toBe(0)
    expect(result.data?.byId ?? null).toBeNull()
  })

  test('steering members read none, over REST and GraphQL', async () => {
    expect((await rest(`/api/${slug}`, steering)).status).toBe(403)
    expect((await rest(`/api/${slug}/${ids[slug].nl}`, steering)).status).toBe(403)
    const result = await testHost.client.graphql(`{ ${list} { totalDocs } }`, {}, steering)
    expect(result.errors?.[0]?.message).toBe('You are not allowed to perform this action.')
  })

  test('editors read every locale', async () => {
    const { body } = await rest<{ docs: Entry[] }>(`/api/${slug}?depth=0&sort=${field}`, editor)
    expect(body.docs.map((doc) => doc[field])).toEqual(['de', 'nl'])
  })
})

describe('the editor’s suggestions', () => {
  type Suggestions = { units: Array<{ glossary: Array<{ approvedTranslation: string }>; id: string; memory: Array<{ target: string }> }> }

  test('the translator of the task gets their locale’s memory and glossary only', async () => {
    const { body, status } = await rest<Suggestions>(`/api/translation-interchange/suggestions?task=${nlTaskId}`, translatorNl)
    expect(status).toBe(200)
    const name = body.units.find((unit) => unit.id === 'name')!
    expect(name.memory.map((match) => match.target)).toEqual(['Veilig Huis Alliantie'])
    expect(name.glossary.map((term) => term.approvedTranslation)).toEqual(['Alliantie'])
  })

  test.each([
    ['a translator of another locale', () => translatorDe],
    ['a steering member', () => steering],
  ])('%s cannot read them through an nl task', async (_name, auth) => {
    expect((await rest(`/api/translation-interchange/suggestions?task=${nlTaskId}`, auth())).status).toBe(404)
  })
})
