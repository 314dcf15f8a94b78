import type { CollectionSlug } from 'payload'

import type { TestHost } from '../helpers/host'

import { createModule, createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let auth: { token: string }

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  auth = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  await createPhase(testHost.payload, { number: 1, title: 'Planning Phase' })
  await testHost.payload.updateGlobal({ slug: 'programme', data: { name: 'Joint Efforts', pilotCountries: ['AT', 'NL', 'AL', 'MD', 'GB', 'SE'] } as never })
})

afterAll(async () => {
  await testHost.stop()
})

type Case = [label: string, collection: CollectionSlug, data: () => Record<string, unknown>, path: string, message: RegExp]

const cases: Case[] = [
  ['a phase ending before it starts', 'phases', () => ({ endDate: '2012-01-01', number: 2, startDate: '2012-02-01', title: 'P' }), 'endDate', /end date cannot be before the start/],
  ['a sixth phase', 'phases', () => ({ number: 6, title: 'P' }), 'number', /5/],
  ['a second phase 1', 'phases', () => ({ number: 1, title: 'Again' }), 'number', /unique/i],
  ['a slug already taken', 'phases', () => ({ slug: 'Planning Phase', number: 3, title: 'P' }), 'slug', /unique/i],
  ['a hotline with an invalid number', 'hotlines', () => ({ name: 'H', country: 'BE', phone: '12345' }), 'phone', /not a valid phone number in BE/],
  ['an EU-wide hotline with a national number', 'hotlines', () => ({ name: 'H', country: 'EU', phone: '+3232011690' }), 'phone', /EU-wide number must be 112/],
  ['a hotline with a script website', 'hotlines', () => ({ name: 'H', country: 'BE', phone: '+3232011690', website: 'javascript:alert(1)' }), 'website', /full web address/],
  ['hotline hours that are not a time', 'hotlines', () => ({ name: 'H', availability: { hours: [{ closes: '25:00', days: ['mon'], opens: '09:00' }] }, country: 'BE', phone: '+3232011690' }), 'availability.hours.0.closes', /HH:MM/],
  ['a partner in the country "UK"', 'partners', () => ({ name: 'P', country: 'UK', sector: 'ngo' }), 'country', /invalid/i],
  ['a partner with a relative website', 'partners', () => ({ name: 'P', country: 'BE', sector: 'ngo', website: '/about' }), 'website', /full web address/],
  ['a partner contact e-mail that is not one', 'partners', () => ({ name: 'P', contactEmail: 'not-an-email', country: 'BE', sector: 'ngo' }), 'contactEmail', /valid email/i],
  ['a module code in lower case', 'training-modules', () => ({ code: 'm3', title: 'T' }), 'code', /capital letters then digits/],
  ['a pilot evaluation without a country', 'reports', () => ({ type: 'pilot-country-evaluation', title: 'R' }), 'country', /needs its country/],
  ['a pilot evaluation for a non-pilot country', 'reports', () => ({ type: 'pilot-country-evaluation', country: 'BE', title: 'R' }), 'country', /Belgium is not one of the programme's pilot countries/],
  ['a deliverable without its phase', 'deliverables', () => ({ type: 'pocket-card', title: 'D' }), 'phase', /required/i],
  ['negative participants', 'reports', () => ({ type: 'pilot-country-evaluation', country: 'AT', participantsTrained: { health: -3 }, title: 'R' }), 'participantsTrained.health', /0/],
]

const countOf = async (collection: CollectionSlug) =>
  (await testHost.payload.count({ collection, overrideAccess: true })).totalDocs

describe('validation over REST: a field-level message, nothing written', () => {
  test.each(cases)('%s', async (_label, collection, data, path, message) => {
    const before = await countOf(collection)
    const { body, status } = await testHost.client.json<{ errors: Array<{ data?: { errors: Array<{ message: string; path: string }> } }> }>(
      'POST',
      `/api/${collection}`,
      { auth, body: data() },
    )
    expect(status).toBe(400)
    const fieldErrors = body.errors[0]?.data?.errors ?? []
    expect(fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(message), path })]))
    expect(await countOf(collection)).toBe(before)
  })

  test('updating into an invalid state is refused too, and the document keeps its values', async () => {
    const phase = await createPhase(testHost.payload, { endDate: '2012-06-01', number: 4, startDate: '2012-01-01' })
    const { status } = await testHost.client.json('PATCH', `/api/phases/${phase.id}`, { auth, body: { startDate: '2012-07-01' } })
    expect(status).toBe(400)
    const stored = await testHost.payload.findByID({ id: phase.id, collection: 'phases', overrideAccess: true })
    expect(stored.startDate).toMatch(/^2012-01-01/)
  })

  test('a typed slug is normalised, an empty one made from the English title', async () => {
    const typed = await testHost.client.json<{ doc: { slug: string } }>('POST', '/api/phases', { auth, body: { slug: 'Kick Off!', number: 2, title: 'Preparation' } })
    expect(typed.body.doc.slug).toBe('kick-off')
    const made = await testHost.client.json<{ doc: { slug: string } }>('POST', '/api/phases', { auth, body: { number: 5, title: 'Project Evaluation & Conclusions' } })
    expect(made.body.doc.slug).toBe('project-evaluation-conclusions')
  })

  test('phone numbers are stored normalised to E.164', async () => {
    const { body, status } = await testHost.client.json<{ doc: { phone: string; slug: string } }>('POST', '/api/hotlines', {
      auth,
      body: { name: 'Child Focus', country: 'BE', phone: '03 201 16 90' },
    })
    expect(status).toBe(201)
    expect(body.doc.phone).toBe('+3232011690')
    expect(body.doc.slug).toBe('child-focus')
  })
})

describe('prerequisite cycles', () => {
  test('a module cannot require itself, nor close a loop through others', async () => {
    const m1 = await createModule(testHost.payload, { code: 'C1' })
    const m2 = await createModule(testHost.payload, { code: 'C2', prerequisites: [m1.id] })
    const m3 = await createModule(testHost.payload, { code: 'C3', prerequisites: [m2.id] })

    const self = await testHost.client.json('PATCH', `/api/training-modules/${m1.id}`, { auth, body: { prerequisites: [m1.id] } })
    expect(self.status).toBe(400)
    expect(JSON.stringify(self.body)).toMatch(/cannot be its own prerequisite/)

    const loop = await testHost.client.json('PATCH', `/api/training-modules/${m1.id}`, { auth, body: { prerequisites: [m3.id] } })
    expect(loop.status).toBe(400)
    expect(JSON.stringify(loop.body)).toContain('C1 → C3 → C2 → C1')

    const stored = await testHost.payload.findByID({ id: m1.id, collection: 'training-modules', overrideAccess: true })
    expect(stored.prerequisites ?? []).toEqual([])
  })
})

describe('validation over GraphQL', () => {
  test.each([
    ['Phase', { endDate: '2012-01-01', number: 2, startDate: '2012-02-01', title: 'P' }, 'endDate', /end date cannot be before/],
    ['Hotline', { name: 'H', country: 'BE', phone: '12345' }, 'phone', /not a valid phone number/],
    ['Report', { type: 'pilot_country_evaluation', country: 'BE', title: 'R' }, 'country', /not one of the programme's pilot countries/],
    ['TrainingModule', { code: 'x1', title: 'T' }, 'code', /capital letters/],
  ])('create%s is refused with the field named', async (type, data, path, message) => {
    const slugs: Record<string, CollectionSlug> = { Hotline: 'hotlines', Phase: 'phases', Report: 'reports', TrainingModule: 'training-modules' }
    const collection = slugs[type]!
    const before = await countOf(collection)
    const result = await testHost.client.graphql(
      `mutation ($data: mutation${type}Input!) { create${type}(data: $data) { id } }`,
      { data },
      auth,
    )
    const fieldErrors = (result.errors?.[0]?.extensions?.data as { errors: Array<{ message: string; path: string }> } | undefined)?.errors
    expect(fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(message), path })]))
    expect(await countOf(collection)).toBe(before)
  })
})
