import type { CollectionSlug, Payload } from 'payload'

import { isProgrammeEmpty, seedProgramme } from '@/seed/seedProgramme'

import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const collections: CollectionSlug[] = ['phases', 'deliverables', 'partners', 'training-modules', 'hotlines']

const counts = async () =>
  Object.fromEntries(
    await Promise.all(collections.map(async (collection) => [collection, (await payload.count({ collection, overrideAccess: true })).totalDocs])),
  )

describe('the programme seed', () => {
  test('fills an empty database with the programme, logging each step', async () => {
    expect(await isProgrammeEmpty(payload)).toBe(true)
    const log: string[] = []
    await seedProgramme(payload, (line) => log.push(line))
    expect(log).toHaveLength(6)
    expect(log[0]).toMatch(/^\[seed 1\/6\]/)
    expect(await isProgrammeEmpty(payload)).toBe(false)
    expect(await counts()).toEqual({ deliverables: 6, hotlines: 4, partners: 1, phases: 5, 'training-modules': 6 })
  })

  test('runs a second time without duplicating anything', async () => {
    const before = await counts()
    await seedProgramme(payload, () => undefined)
    expect(await counts()).toEqual(before)
  })

  test('carries the programme facts: pilot countries, target, conclusion conference', async () => {
    const programme = await payload.findGlobal({ slug: 'programme' })
    expect(programme.pilotCountries).toEqual(['AT', 'NL', 'AL', 'MD', 'GB', 'SE'])
    expect(programme.participantTarget).toBe(160)
    expect(programme.conclusionConference?.date).toMatch(/^2014-03-06/)
    expect(programme.progress).toMatchObject({ participantsTrained: 0, target: 160 })

    const { docs: phases } = await payload.find({ collection: 'phases', sort: 'number' })
    expect(phases.map((phase) => phase.number)).toEqual([1, 2, 3, 4, 5])
    const pilotCountries = phases[3]?.keyActivities?.filter((activity) => activity.kind === 'pilot-training').map((activity) => activity.country)
    expect(pilotCountries).toEqual(['AT', 'NL', 'AL', 'MD', 'GB', 'SE'])
  })

  test('seeds only the EU-wide harmonised hotlines, all unverified', async () => {
    const { docs } = await payload.find({ collection: 'hotlines', limit: 10 })
    expect(docs.map((hotline) => hotline.phone).sort()).toEqual(['112', '116000', '116006', '116111'])
    expect(docs.every((hotline) => hotline.country === 'EU' && hotline.verification?.status === 'unverified')).toBe(true)
  })

  test('progress counts participants of published pilot evaluations only', async () => {
    await payload.create({
      collection: 'reports',
      data: { type: 'pilot-country-evaluation', _status: 'published', country: 'AT', participantsTrained: { health: 12, lawEnforcement: 20 }, title: 'Austria', visibility: 'public' } as never,
    })
    await payload.create({
      collection: 'reports',
      data: { type: 'pilot-country-evaluation', _status: 'draft', country: 'SE', participantsTrained: { ngo: 30 }, title: 'Sweden' } as never,
    })
    const programme = await payload.findGlobal({ slug: 'programme' })
    expect(programme.progress).toEqual({ participantsTrained: 32, percentOfTarget: 20, target: 160 })
  })
})
