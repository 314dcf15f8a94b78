import type { CollectionSlug, Payload, TypedLocale } from 'payload'

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { runJobsUntilIdle } from '@/lib/runJobsUntilIdle'

import { bootMinimalPayload } from '../../helpers/minimalPayload'
import { shutdownPayload } from '../../helpers/payload'
import { workDir } from './minimal.config'

// Slugs of the minimal config, not of this CMS: the generated types do not know them.
const slug = (name: string) => name as CollectionSlug
type Print = { fallback: boolean; locale: string; status: string; url: null | string; version: string } | null
type Edition = { leftOut?: Array<{ label: string; reason: string }>; locale: string; pdf?: { filename: string }; status: string; version: string }

let payload: Payload
let member: Record<string, unknown> & { collection: string }
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

beforeAll(async () => {
  fs.mkdirSync(workDir, { recursive: true })
  payload = await bootMinimalPayload(import('./minimal.config').then((module) => module.default))
  const doc = await payload.create({ collection: slug('members'), data: { email: 'writer@example.org', level: 'writer', password: 'correct-horse-battery' } as never })
  member = { ...doc, collection: 'members' }
  await payload.updateGlobal({ slug: 'site' as never, data: { name: 'Leaflets for Lyon', fundingStatement: 'Funded by the city' } as never })
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const helpline = (data: Record<string, unknown>) => payload.create({ collection: slug('helplines'), data: data as never })

async function card(data: Record<string, unknown> = {}) {
  const leaflet = (await payload.create({
    collection: slug('leaflets'),
    data: { slug: 'signs', type: 'card', _status: 'published', indicators: [{ indicator: 'No passport' }], printCountry: 'FR', title: 'Signs', ...data } as never,
    locale: 'en',
  })) as unknown as { id: number | string; indicators: Array<{ id: string }> }
  await payload.update({
    id: leaflet.id,
    collection: slug('leaflets'),
    data: { indicators: [{ id: leaflet.indicators[0]!.id, indicator: 'Sans passeport' }], title: 'Les signes' } as never,
    locale: 'fr',
  })
  return leaflet
}

/** The deliverable's `print` as an anonymous site reads it. */
async function publicPrint(id: number | string, locale: string): Promise<Print> {
  const doc = await payload.findByID({ id, collection: slug('leaflets'), locale: locale as TypedLocale, overrideAccess: false })
  return (doc as unknown as { print: Print }).print
}

async function editions(id: number | string): Promise<Edition[]> {
  const { docs } = await payload.find({ collection: slug('leaflet-prints'), depth: 1, sort: 'locale', where: { deliverable: { equals: id } } })
  return docs as unknown as Edition[]
}

const pdfText = (edition: Edition) => execFileSync('pdftotext', ['-layout', path.join(workDir, 'files', edition.pdf!.filename), '-']).toString('utf8')

test("the plugin's collections are registered under the configured slugs, and the leaflets carry a print", () => {
  expect(payload.collections[slug('leaflet-prints')]).toBeDefined()
  expect(payload.collections[slug('leaflet-print-files')]).toBeDefined()
  expect(payload.collections[slug('print-editions')]).toBeUndefined()
  expect(payload.collections[slug('leaflets')]!.config.fields.some((field) => 'name' in field && field.name === 'print')).toBe(true)
})

test('a published card prints per translated locale from the configured sources, with only verified helplines', async () => {
  await helpline({ name: 'Ligne nationale', country: 'FR', phone: '+33 1 23 45 67 89', verification: { nextDueAt: inDays(100), status: 'current' } })
  await helpline({ name: 'Ligne jamais vérifiée', country: 'FR', phone: '+33 1 98 76 54 32', verification: { status: 'never' } })
  await helpline({ name: 'Victims of crime', country: 'EU', phone: '116006', verification: { nextDueAt: inDays(200), status: 'current' } })
  const leaflet = await card()
  await payload.create({ collection: slug('leaflets'), data: { type: 'poster', _status: 'published', title: 'A poster' } as never })
  await payload.create({ collection: slug('leaflets'), data: { type: 'card', title: 'Still a draft' } as never, draft: true })
  await runJobsUntilIdle(payload)

  const [english, french] = await editions(leaflet.id)
  expect([english!.locale, english!.status, french!.locale, french!.status]).toEqual(['en', 'current', 'fr', 'current'])
  expect(french!.leftOut?.map(({ reason }) => reason)).toEqual(['never verified'])
  const text = pdfText(french!).replace(/\s+/g, ' ')
  expect(text).toContain('Les signes')
  expect(text).toContain('Sans passeport')
  expect(text).toContain('+33 1 23 45 67 89')
  expect(text).toContain('116006')
  expect(text).toContain('Funded by the city')
  expect(text).not.toContain('98 76 54 32')
  // Only the card type is printed, and only what the public may read.
  const { totalDocs } = await payload.count({ collection: slug('leaflet-prints') })
  expect(totalDocs).toBe(2)

  const print = await publicPrint(leaflet.id, 'fr')
  expect(print).toMatchObject({ fallback: false, locale: 'fr', status: 'current', version: french!.version })
  expect(print!.url).toContain('/api/leaflet-print-files/file/')
})

test('a change to a printed helpline withholds the card until the worker has replaced it', async () => {
  const line = await helpline({ name: 'Ligne régionale', country: 'FR', phone: '+33 4 11 22 33 44', verification: { nextDueAt: inDays(90), status: 'current' } })
  const leaflet = await card({ slug: 'regional' })
  await runJobsUntilIdle(payload)
  const before = (await editions(leaflet.id))[0]!

  await payload.update({ id: line.id, collection: slug('helplines'), data: { phone: '+33 4 55 66 77 88' } as never })
  expect((await editions(leaflet.id)).map(({ status }) => status)).toEqual(['stale', 'stale'])
  expect(await publicPrint(leaflet.id, 'en')).toBeNull()

  await runJobsUntilIdle(payload)
  const after = (await editions(leaflet.id))[0]!
  expect(after.status).toBe('current')
  expect(after.version).not.toBe(before.version)
  expect(pdfText(after)).toContain('+33 4 55 66 77 88')
  expect((await publicPrint(leaflet.id, 'en'))?.version).toBe(after.version)
})

test('staff of this project are members: they read stale editions, and nobody writes one', async () => {
  const leaflet = await card({ slug: 'staff' })
  await runJobsUntilIdle(payload)
  await payload.update({ id: leaflet.id, collection: slug('leaflets'), data: { title: 'Signs, revised' } as never, locale: 'en' })
  const { docs } = await payload.find({ collection: slug('leaflet-prints'), overrideAccess: false, user: member, where: { deliverable: { equals: leaflet.id } } })
  expect(docs.map((doc) => (doc as unknown as Edition).status)).toEqual(['stale', 'stale'])
  const { totalDocs: publicCount } = await payload.count({ collection: slug('leaflet-prints'), overrideAccess: false, where: { deliverable: { equals: leaflet.id } } })
  expect(publicCount).toBe(0)
  await expect(
    payload.create({ collection: slug('leaflet-prints'), data: { deliverable: leaflet.id, locale: 'en', status: 'current', template: 'pocket-card' } as never, overrideAccess: false, user: member }),
  ).rejects.toThrow(/not allowed/i)
})
