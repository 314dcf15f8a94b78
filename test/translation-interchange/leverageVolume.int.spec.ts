import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

/**
 * How long a leverage analysis of a whole export part takes: logged for the record, not asserted. A
 * hundred documents and a thousand memory entries by default, to keep the suite quick; the figure
 * for a full part comes from
 * `LEVERAGE_VOLUME_DOCUMENTS=1000 LEVERAGE_VOLUME_ENTRIES=10000 npx jest test/translation-interchange/leverageVolume.int.spec.ts`.
 */
const DOCUMENTS = Number(process.env.LEVERAGE_VOLUME_DOCUMENTS ?? 100)
const ENTRIES = Number(process.env.LEVERAGE_VOLUME_ENTRIES ?? 1000)

const ROLES = ['Border guards', 'Labour inspectors', 'Social workers', 'Police officers', 'Teachers', 'Nurses', 'Prosecutors']
const PLACES = ['Albania', 'Belgium', 'Hungary', 'Portugal', 'Romania', 'Moldova', 'Greece', 'Italy', 'Spain', 'Poland', 'Bulgaria']
const SERVICES = ['a shelter', 'legal aid', 'medical care', 'an interpreter', 'safe accommodation', 'a case manager', 'a guardian']

/** The n-th sentence of the kind this programme's fields hold; every one different. */
const sentence = (n: number) =>
  `${ROLES[n % ROLES.length]} in ${PLACES[Math.floor(n / ROLES.length) % PLACES.length]} refer victims to ${
    SERVICES[Math.floor(n / (ROLES.length * PLACES.length)) % SERVICES.length]
  } within ${24 + (n % 48)} hours (case ${n}).`

let testHost: TestHost
let editor: AuthMode

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  const editorUser = await createUser(payload, ['editor'])
  // Documents take turns: remembered exactly, remembered with a word changed (fuzzy), not
  // remembered, and the previous one's text again (a repetition). Entries no document matches fill
  // the memory up to its size.
  for (let index = 0; index < ENTRIES; index += 1) {
    const document = index % DOCUMENTS
    const source =
      document % 4 === 0 ? sentence(document) : document % 4 === 1 ? sentence(document).replace('victims', 'people') : sentence(DOCUMENTS + index)
    await payload.create({
      collection: 'translation-memory',
      data: { context: 'partners:description', origin: 'tmx', source, sourceLocale: 'en', target: `NL ${source}`, targetLocale: 'nl' },
      overrideAccess: true,
    })
  }
  for (let index = 0; index < DOCUMENTS; index += 1) {
    await payload.create({
      collection: 'partners',
      data: {
        name: `Partner ${index}`,
        slug: `leverage-volume-${index}`,
        _status: 'published',
        country: 'BE',
        description: paragraphs(index % 4 === 3 ? sentence(index - 1) : sentence(index)),
        sector: 'ngo',
      } as never,
      overrideAccess: true,
    })
  }
  // Logged in after the long setup: a keep-alive connection left idle that long is reset by the host.
  editor = await client.login(editorUser)
}, 1_800_000)

afterAll(async () => {
  await testHost.stop()
})

test(`leverage of an export part of ${DOCUMENTS} documents against ${ENTRIES} memory entries`, async () => {
  const started = performance.now()
  const { body, status } = await testHost.client.json<{ bands: Array<{ band: string; segments: number }>; documents: number; segments: number }>(
    'GET',
    '/api/translation-interchange/leverage?locale=nl&collection=partners',
    { auth: editor },
  )
  const ms = performance.now() - started
  expect(status).toBe(200)
  expect(body).toMatchObject({ documents: DOCUMENTS, segments: DOCUMENTS * 2 })
  console.log(
    `leverage: ${DOCUMENTS} documents, ${body.segments} segments, ${ENTRIES} memory entries: ${(ms / 1000).toFixed(1)} s; ` +
      body.bands.map(({ band, segments }) => `${band} ${segments}`).join(', '),
  )
}, 600_000)
