/**
 * The translation memory's lookup index (operations/memoryLookup.ts): exact and same-place matches
 * always found by the source hash, fuzzy candidates through the word keys, locales never mixed,
 * every write path keeping the keys, entries from before the index backfilled, and the recall of
 * the indexed lookup measured against a scan of the whole memory.
 */
import type { CollectionSlug, Config, Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../../plugins/translation-interchange/types'
import type { AuthMode, TestHost } from '../helpers/host'

import { rngFor } from '../../bench/fakeData'
import { memoryCorpus, nearDuplicate } from '../../bench/memoryCorpus'
import { isEditor, isTranslatorFor } from '../../plugins'
import { resolveTranslationInterchangeOptions } from '../../plugins/translation-interchange/defaults'
import { lookupMemory } from '../../plugins/translation-interchange/operations/memoryLookup'
import { reindexMemory } from '../../plugins/translation-interchange/operations/reindexMemory'
import { matchMemory, type MemoryEntry, memoryIndexOf, normalise, similarity } from '../../plugins/translation-interchange/utilities/memory'
import { createPartner } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { taskOf, transition } from '../translation-workflow/shared'

const MEMORY = 'translation-memory' as CollectionSlug

type StoredEntry = MemoryEntry & { fuzzyKeys?: string[]; sourceHash?: string }

let testHost: TestHost
let payload: Payload
let options: ResolvedTranslationInterchangeOptions
let req: PayloadRequest
let editor: AuthMode
let translatorNl: AuthMode

const lookup = (locale: string, sources: string[], limit = 5) =>
  lookupMemory(options, req, locale, sources.map((source) => ({ source })), { limit })

const targetsOf = async (locale: string, source: string) => (await lookup(locale, [source]))[0]!.map(({ entry, score }) => [entry.target, score])

/** As the Local API writes it, with every hook: the index fields come from the beforeChange hook. */
const remember = (source: string, target: string, targetLocale = 'nl', context?: string) =>
  payload.create({ collection: MEMORY, data: { context, origin: 'test', source, target, targetLocale } as never })

beforeAll(async () => {
  testHost = await startTestHost()
  payload = testHost.payload
  options = resolveTranslationInterchangeOptions({ access: { isEditor, isTranslatorFor } }, payload.config as unknown as Config)
  req = await createLocalReq({}, payload)
  await createUser(payload, ['admin'])
  editor = await testHost.client.login(await createUser(payload, ['editor']))
  translatorNl = await testHost.client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
})

afterAll(async () => {
  await testHost?.stop()
})

describe('lookups through the index', () => {
  test('same text and place 101, same text 100, a close text its fuzzy score; nothing under 75', async () => {
    await remember('National hotline for victims of trafficking', 'NL hulplijn (namen)', 'nl', 'hotlines:name')
    await remember('National hotline for victims of trafficking', 'NL hulplijn (fasen)', 'nl', 'phases:title')
    await remember('National hotlines for all victims of trafficking', 'NL alle slachtoffers')
    const [matches] = await lookupMemory(options, req, 'nl', [{ context: 'hotlines:name', source: 'National  hotline for victims of trafficking ' }])
    expect(matches!.map(({ entry, score }) => [entry.target, score])).toEqual([
      ['NL hulplijn (namen)', 101],
      ['NL hulplijn (fasen)', 100],
      ['NL alle slachtoffers', similarity('National hotline for victims of trafficking', 'National hotlines for all victims of trafficking')],
    ])
    expect(await targetsOf('nl', 'Opening hours of the regional shelter')).toEqual([])
  })

  test('a locale never gets another locale’s entries, and its keys carry its locale', async () => {
    const nl = await remember('Safe accommodation for children', 'NL Veilige opvang voor kinderen')
    await remember('Safe accommodation for children', 'DE Sichere Unterbringung für Kinder', 'de')
    expect(await targetsOf('nl', 'Safe accommodation for children')).toEqual([['NL Veilige opvang voor kinderen', 100]])
    expect(await targetsOf('de', 'Safe accommodation for the children')).toEqual([['DE Sichere Unterbringung für Kinder', similarity('Safe accommodation for the children', 'Safe accommodation for children')]])
    expect(await targetsOf('fr', 'Safe accommodation for children')).toEqual([])
    const stored = (await payload.findByID({ id: nl.id, collection: MEMORY, depth: 0 })) as unknown as StoredEntry
    // 31 characters: length band 11 (bands grow by a third).
    expect(stored.fuzzyKeys).toEqual(['nl:11:safe', 'nl:11:accom', 'nl:11:for', 'nl:11:child'])
  })

  test('a plural, a typo past the word’s first letters and a one-word segment are found', async () => {
    await remember('Hotline', 'NL Hulplijn')
    await remember('Referral of presumed victims to legal aid', 'NL Doorverwijzing')
    expect(await targetsOf('nl', 'Hotlines')).toEqual([['NL Hulplijn', similarity('Hotlines', 'Hotline')]])
    expect(await targetsOf('nl', 'Referral of presumed victmis to legal aid')).toEqual([['NL Doorverwijzing', similarity('Referral of presumed victmis to legal aid', 'Referral of presumed victims to legal aid')]])
  })

  test('no cache: an entry written after a lookup (by this or another instance) is found by the next one', async () => {
    expect(await targetsOf('nl', 'Interpreters for Tigrinya and Arabic')).toEqual([])
    await remember('Interpreters for Tigrinya and Arabic', 'NL Tolken')
    expect(await targetsOf('nl', 'Interpreters for Tigrinya and Arabic')).toEqual([['NL Tolken', 100]])
  })

  test('the translator’s suggestions over HTTP come through the index', async () => {
    await remember('Safe House Alliances', 'NL Veilig Huis Allianties')
    const partner = await createPartner(payload, { name: 'Safe House Alliance' })
    const task = await taskOf(payload, 'partners', partner.id, 'nl')
    expect((await transition(testHost, task.id, 'claim', translatorNl)).status).toBe(200)
    type Suggestions = { units: Array<{ id: string; memory: Array<{ score: number; target: string }> }> }
    const { body, status } = await testHost.client.json<Suggestions>('GET', `/api/translation-interchange/suggestions?task=${task.id}`, { auth: translatorNl })
    expect(status).toBe(200)
    expect(body.units.find((unit) => unit.id === 'name')?.memory).toEqual([expect.objectContaining({ score: similarity('Safe House Alliance', 'Safe House Alliances'), target: 'NL Veilig Huis Allianties' })])
  })
})

describe('every write keeps the index', () => {
  const stored = async (id: number | string) => (await payload.findByID({ id, collection: MEMORY, depth: 0 })) as unknown as StoredEntry

  test('a client cannot set the index fields: REST create computes them whatever was sent', async () => {
    const { body, status } = await testHost.client.json<{ doc: StoredEntry }>('POST', '/api/translation-memory', {
      auth: editor,
      body: { fuzzyKeys: ['nl:1:zzz'], source: 'Forced begging in city centres', sourceHash: 'forged', target: 'NL Gedwongen bedelen', targetLocale: 'nl' },
    })
    expect(status).toBe(201)
    const entry = await stored(body.doc.id!)
    expect(entry).toMatchObject(memoryIndexOf({ source: 'Forced begging in city centres', sourceLocale: 'en', targetLocale: 'nl' }))
    expect(await targetsOf('nl', 'Forced begging in the city centres')).toEqual([['NL Gedwongen bedelen', similarity('Forced begging in the city centres', 'Forced begging in city centres')]])
  })

  test('an editor’s change of source or locale (REST PATCH) moves the entry in the index', async () => {
    const entry = await remember('Domestic servitude in private homes', 'NL Huishoudelijke dienstbaarheid')
    const patched = await testHost.client.json('PATCH', `/api/translation-memory/${entry.id}`, {
      auth: editor,
      body: { source: 'Domestic servitude in diplomatic households', sourceHash: 'forged' },
    })
    expect(patched.status).toBe(200)
    expect(await targetsOf('nl', 'Domestic servitude in private homes')).toEqual([])
    expect(await targetsOf('nl', 'Domestic servitude in diplomatic households')).toEqual([['NL Huishoudelijke dienstbaarheid', 100]])
    // A change of the target only keeps the keys (the update's data lacks the source: the hook reads the stored one).
    expect((await testHost.client.json('PATCH', `/api/translation-memory/${entry.id}`, { auth: editor, body: { target: 'NL Dienstbaarheid' } })).status).toBe(200)
    expect(await targetsOf('nl', 'Domestic servitude in diplomatic households')).toEqual([['NL Dienstbaarheid', 100]])
    expect((await testHost.client.json('PATCH', `/api/translation-memory/${entry.id}`, { auth: editor, body: { targetLocale: 'de' } })).status).toBe(200)
    expect(await targetsOf('nl', 'Domestic servitude in diplomatic households')).toEqual([])
    expect(await targetsOf('de', 'Domestic servitude in diplomatic households')).toEqual([['NL Dienstbaarheid', 100]])
    expect((await stored(entry.id)).fuzzyKeys?.every((key) => key.startsWith('de:'))).toBe(true)
  })

  test('a bulk update by `where` rekeys every entry it changes; a delete leaves nothing to find', async () => {
    const first = await remember('Organ removal case 1', 'NL geval 1', 'nl', 'bulk:test')
    await remember('Organ removal case 2', 'NL geval 2', 'nl', 'bulk:test')
    const { status } = await testHost.client.json('PATCH', '/api/translation-memory?where[context][equals]=bulk:test', {
      auth: editor,
      body: { source: 'Trafficking for the removal of organs' },
    })
    expect(status).toBe(200)
    expect((await lookup('nl', ['Trafficking for the removal of organs']))[0]!.map(({ score }) => score)).toEqual([100, 100])
    expect(await targetsOf('nl', 'Organ removal case 1')).toEqual([])
    expect((await testHost.client.json('DELETE', `/api/translation-memory/${first.id}`, { auth: editor })).status).toBe(200)
    expect(await targetsOf('nl', 'Trafficking for the removal of organs')).toEqual([['NL geval 2', 100]])
  })

  test('a TMX import is found by the next lookup', async () => {
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>
      <tu><prop type="x-context">hotlines:name</prop><tuv xml:lang="en"><seg>Labour exploitation helpline</seg></tuv><tuv xml:lang="nl"><seg>NL Meldlijn arbeidsuitbuiting</seg></tuv></tu>
    </body></tmx>`
    const { body, status } = await testHost.client.json<{ imported: number }>('POST', '/api/translation-interchange/memory.tmx?locale=nl', {
      auth: editor,
      body: tmx,
      headers: { 'content-type': 'application/x-tmx+xml' },
    })
    expect([status, body.imported]).toEqual([200, 1])
    expect(await targetsOf('nl', 'Labour exploitation helplines')).toEqual([['NL Meldlijn arbeidsuitbuiting', similarity('Labour exploitation helplines', 'Labour exploitation helpline')]])
  })

  test('entries stored before the index (no keys) are found once backfilled, which every start does', async () => {
    // As an old database holds them: written around Payload's hooks.
    await payload.db.create({ collection: MEMORY, data: { source: 'Debt bondage in the construction sector', sourceLocale: 'en', target: 'NL Schuldslavernij', targetLocale: 'nl' }, req })
    expect(await targetsOf('nl', 'Debt bondage in the construction sector')).toEqual([])
    expect(await reindexMemory(options, payload)).toBe(1)
    expect(await targetsOf('nl', 'Debt bondage in the construction sector')).toEqual([['NL Schuldslavernij', 100]])
    expect(await targetsOf('nl', 'Debt bondage in construction')).toEqual([])
    expect(await targetsOf('nl', 'Debt bondage in the construction sectors')).toEqual([['NL Schuldslavernij', similarity('Debt bondage in the construction sectors', 'Debt bondage in the construction sector')]])
    expect(await reindexMemory(options, payload)).toBe(0)
  })
})

describe('recall against a scan of the whole memory', () => {
  const ENTRIES = 4000
  const QUERIES = 400

  test(`${ENTRIES} entries, ${QUERIES} segments: every exact match, and the fuzzy ones the scan finds`, async () => {
    const corpus = memoryCorpus('recall', ENTRIES, 'fr')
    const started = Date.now()
    const transactionID = (await payload.db.beginTransaction()) ?? undefined
    for (const entry of corpus) {
      // Through the adapter, with the fields the hook computes (as the bench seeds): 4,000 saves through the Local API take minutes.
      await payload.db.create({
        collection: MEMORY,
        data: { ...entry, ...memoryIndexOf({ source: entry.source, sourceLocale: 'en', targetLocale: 'fr' }), sourceLocale: 'en', targetLocale: 'fr' },
        req: { payload, transactionID },
        returning: false,
      })
    }
    if (transactionID !== undefined) {
      await payload.db.commitTransaction(transactionID)
    }
    const seeded = Date.now() - started
    const rng = rngFor('memory-recall-queries')
    const queries = Array.from({ length: QUERIES }, (_, index) => {
      const entry = corpus[Math.floor(rng() * corpus.length)]!
      // A quarter the same text as an entry (half of those in its place), the rest one to three edits away.
      return index % 4 === 0 ? { context: index % 8 === 0 ? entry.context : null, source: entry.source } : { context: null, source: nearDuplicate(rng, entry.source, 3) }
    })
    const all: MemoryEntry[] = (await payload.db.find({ collection: MEMORY, limit: 0, pagination: false, req, where: { targetLocale: { equals: 'fr' } } })).docs as never
    expect(all).toHaveLength(ENTRIES)
    // What a translator is shown: the best five (suggestions), of which the analysis takes the first.
    const limit = 5
    const timed = Date.now()
    const indexed = await lookupMemory(options, req, 'fr', queries, { limit })
    const lookupMs = Date.now() - timed
    const scanned = queries.map((query) => matchMemory(query.source, query.context, all, { limit }))
    const bands = { exact: [0, 0], from85: [0, 0], from95: [0, 0], fuzzy: [0, 0] }
    const count = (band: keyof typeof bands, found: boolean) => {
      bands[band][0]! += Number(found)
      bands[band][1]! += 1
    }
    // Rank by rank: the scan's n-th match is found when the index's n-th is as good (among equal
    // scores either may pick another entry).
    scanned.forEach((matches, index) => {
      const got = indexed[index]!
      matches.forEach(({ score }, rank) => {
        const found = (got[rank]?.score ?? 0) >= score
        count(score >= 100 ? 'exact' : score >= 95 ? 'from95' : score >= 85 ? 'from85' : 'fuzzy', found)
      })
    })
    // Every entry of the same text, however many: the hash finds them all.
    const everyExact = await lookupMemory(options, req, 'fr', queries, { limit: 1000, threshold: 100 })
    const exactIds = (matches: Array<{ entry: MemoryEntry }>) => matches.map(({ entry }) => String(entry.id)).sort()
    const sameText = (source: string) => all.filter((entry) => normalise(entry.source) === normalise(source))
    expect(everyExact.map(exactIds)).toEqual(queries.map((query) => exactIds(sameText(query.source).map((entry) => ({ entry })))))
    const rate = ([found, total]: number[]) => (total ? found! / total! : 1)
    const report = Object.fromEntries(Object.entries(bands).map(([band, [found, total]]) => [band, `${found}/${total} (${(100 * rate([found!, total!])).toFixed(1)} %)`]))
    console.info(`memory recall over ${ENTRIES} entries, ${QUERIES} segments (seeded in ${seeded} ms, indexed lookup of the batch ${lookupMs} ms):`, report)
    expect(bands.exact[1]).toBeGreaterThanOrEqual(QUERIES / 4)
    expect(rate(bands.exact)).toBe(1)
    expect(rate(bands.from95)).toBeGreaterThanOrEqual(0.98)
    expect(rate(bands.from85)).toBeGreaterThanOrEqual(0.95)
    expect(rate(bands.fuzzy)).toBeGreaterThanOrEqual(0.9)
    // Seeding 4,000 entries and scanning them 400 times: about 40 s on SQLite, more on the MongoDB wire server.
  }, 300_000)
})
