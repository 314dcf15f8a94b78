import { paragraphs } from '@/lib/richText'

import type { TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { createHotline, createModule, createPartner, createPhase, createReport, releasePhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
const users: Record<'admin' | 'editor' | 'steering' | 'translator', TestUser> = {} as never
const ids: Record<string, number | string> = {}
let idType: 'Int' | 'String'

const SECRET_EMAIL = 'hidden.contact@example.org'
const SECRET_NOTE = 'trainer-only-remark'

beforeAll(async () => {
  testHost = await startTestHost()
  const { payload } = testHost
  users.admin = await createUser(payload, ['admin'])
  users.editor = await createUser(payload, ['editor'])
  users.translator = await createUser(payload, ['translator'], { translatorLocales: ['nl'] })
  users.steering = await createUser(payload, ['steering'])

  ids.publishedPhase = (await createPhase(payload, { number: 1, title: 'Published phase' })).id
  await releasePhase(payload, ids.publishedPhase)
  ids.undecidedPhase = (await createPhase(payload, { number: 3, title: 'Phase under review' })).id
  ids.draftPhase = (await createPhase(payload, { _status: 'draft', number: 2, title: 'Draft phase' })).id
  ids.partner = (await createPartner(payload, { name: 'Visible partner', contactEmail: SECRET_EMAIL })).id
  ids.publicReport = (await createReport(payload, { title: 'Public report', visibility: 'public' })).id
  ids.internalReport = (await createReport(payload, { title: 'Internal report', visibility: 'internal' })).id
  ids.draftReport = (await createReport(payload, { _status: 'draft', title: 'Draft public report', visibility: 'public' })).id
  ids.module = (await createModule(payload, { code: 'M1', trainerNotes: paragraphs(SECRET_NOTE) })).id
  ids.hotline = (await createHotline(payload, { verification: { lastVerifiedAt: new Date().toISOString(), lastVerifiedBy: users.editor.id } })).id
  await payload.create({
    collection: 'deliverables',
    data: { type: 'practitioners-manual', _status: 'published', phase: ids.publishedPhase, responsiblePartners: [ids.partner], title: 'Manual' } as never,
    overrideAccess: true,
  })
  await payload.create({
    collection: 'deliverables',
    data: { type: 'pocket-card', _status: 'published', phase: ids.undecidedPhase, title: 'Card awaiting the steering group' } as never,
    overrideAccess: true,
  })
  idType = typeof ids.partner === 'number' ? 'Int' : 'String'
})

afterAll(async () => {
  await testHost.stop()
})

const anonymous = (path: string) => testHost.client.json<{ docs?: Array<Record<string, unknown>>; errors?: unknown[] }>('GET', path)

describe('anonymous REST readers', () => {
  test('see published phases only, with or without draft=true', async () => {
    for (const path of ['/api/phases', '/api/phases?draft=true', '/api/phases?where[_status][equals]=draft']) {
      const { body } = await anonymous(path)
      expect(body.docs?.map((doc) => doc.title)).not.toContain('Draft phase')
    }
    expect((await anonymous(`/api/phases/${ids.draftPhase}`)).status).toBe(404)
    expect((await anonymous(`/api/phases/${ids.draftPhase}?draft=true`)).status).toBe(404)
  })

  test('never see published content of a phase whose gate is not yet go, by REST or GraphQL', async () => {
    const titles = (await anonymous('/api/deliverables?limit=100&where[title][like]=Card')).body.docs?.map((doc) => doc.title)
    expect(titles).toEqual([])
    expect((await anonymous('/api/deliverables?limit=100')).body.docs?.map((doc) => doc.title)).toEqual(['Manual'])
    const result = await testHost.client.graphql<{ Deliverables: { docs: Array<{ title: string }> } }>(
      '{ Deliverables(limit: 100) { docs { title } } a: Deliverables(where: { title: { like: "Card" } }) { docs { title } } }',
    )
    expect(JSON.stringify(result)).not.toContain('Card awaiting')
    expect(result.data?.Deliverables.docs.map((doc) => doc.title)).toEqual(['Manual'])
  })

  test('cannot read version history', async () => {
    expect((await anonymous('/api/phases/versions')).status).toBe(403)
    expect((await anonymous('/api/reports/versions')).status).toBe(403)
  })

  test('never see internal or draft reports, by list, id, or where on visibility', async () => {
    const titles = (await anonymous('/api/reports?limit=100')).body.docs?.map((doc) => doc.title)
    expect(titles).toEqual(['Public report'])
    expect((await anonymous(`/api/reports/${ids.internalReport}`)).status).toBe(404)
    expect((await anonymous('/api/reports?where[visibility][equals]=internal')).body.docs).toEqual([])
    expect((await anonymous('/api/reports?where[or][0][visibility][equals]=internal&where[or][1][_status][equals]=draft')).body.docs).toEqual([])
  })

  test('never see staff-only fields, even through population', async () => {
    const partner = (await anonymous(`/api/partners/${ids.partner}`)).body as Record<string, unknown>
    expect(partner.name).toBe('Visible partner')
    expect(partner).not.toHaveProperty('contactEmail')
    expect(partner).not.toHaveProperty('contactPerson')

    const module = (await anonymous(`/api/training-modules/${ids.module}`)).body as Record<string, unknown>
    expect(module).not.toHaveProperty('trainerNotes')

    const hotline = (await anonymous(`/api/hotlines/${ids.hotline}`)).body as { verification: Record<string, unknown> }
    expect(hotline.verification).not.toHaveProperty('lastVerifiedBy')

    const deliverables = await anonymous('/api/deliverables?depth=2')
    expect(JSON.stringify(deliverables.body)).not.toContain(SECRET_EMAIL)
    expect(JSON.stringify(deliverables.body)).toContain('Visible partner')
  })

  test.each([
    ['where on a staff-only e-mail', `/api/partners?where[contactEmail][equals]=${SECRET_EMAIL}`],
    ['where with like on a staff-only e-mail', '/api/partners?where[contactEmail][like]=hidden'],
    ['where on staff-only rich text', `/api/training-modules?where[trainerNotes][like]=${SECRET_NOTE}`],
    ['sort by a staff-only field', '/api/partners?sort=contactEmail'],
    ['sort descending by a staff-only field', '/api/partners?sort=-contactPerson'],
    ['where through a relationship into a staff-only field', `/api/deliverables?where[responsiblePartners.contactEmail][equals]=${SECRET_EMAIL}`],
  ])('%s is refused, so it cannot be used as an oracle', async (_label, path) => {
    const { body, status } = await anonymous(path)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(JSON.stringify(body)).not.toContain(SECRET_EMAIL)
  })
})

describe('anonymous GraphQL readers', () => {
  test('see published documents only and no staff-only fields', async () => {
    const result = await testHost.client.graphql<{
      Partners: { docs: Array<{ contactEmail: null | string; name: string }> }
      Phases: { docs: Array<{ title: string }> }
      Reports: { docs: Array<{ title: string }> }
    }>(`{
      Phases(limit: 50, draft: true) { docs { title } }
      Reports(limit: 50) { docs { title } }
      Partners { docs { name contactEmail } }
    }`)
    expect(result.data?.Phases.docs.map((doc) => doc.title).sort()).toEqual(['Phase under review', 'Published phase'])
    expect(result.data?.Reports.docs.map((doc) => doc.title)).toEqual(['Public report'])
    expect(result.data?.Partners.docs[0]?.contactEmail ?? null).toBeNull()
    expect(JSON.stringify(result)).not.toContain(SECRET_EMAIL)
  })

  test('aliases and direct lookups do not reach drafts, internal reports or trainer notes', async () => {
    const result = await testHost.client.graphql(
      `query ($internal: ${idType}!, $draft: ${idType}!, $module: ${idType}!) {
        secret: Report(id: $internal) { title }
        hidden: Phase(id: $draft, draft: true) { title }
        notes: TrainingModule(id: $module) { trainerNotes }
      }`,
      { draft: ids.draftPhase, internal: ids.internalReport, module: ids.module },
    )
    expect(JSON.stringify(result)).not.toContain('Internal report')
    expect(JSON.stringify(result)).not.toContain('Draft phase')
    expect(JSON.stringify(result)).not.toContain(SECRET_NOTE)
  })

  test('filtering or sorting on staff-only fields is refused', async () => {
    const filtered = await testHost.client.graphql(`{ Partners(where: { contactEmail: { equals: "${SECRET_EMAIL}" } }) { totalDocs } }`)
    expect(filtered.errors?.length).toBeGreaterThan(0)
    const sorted = await testHost.client.graphql('{ Partners(sort: "contactEmail") { docs { name } } }')
    expect(sorted.errors?.length).toBeGreaterThan(0)
  })

  test('version history is refused', async () => {
    const result = await testHost.client.graphql('{ versionsPhases { docs { id } } }')
    expect(result.errors?.[0]?.message).toMatch(/not allowed/i)
  })
})

describe('staff roles', () => {
  test.each(['translator', 'steering'] as const)('a %s reads drafts and staff-only fields but cannot write content', async (role) => {
    const auth = await testHost.client.login(users[role])
    const drafts = await testHost.client.json<{ docs: Array<{ title: string }> }>('GET', '/api/phases?draft=true', { auth })
    expect(drafts.body.docs.map((doc) => doc.title)).toContain('Draft phase')
    const partner = await testHost.client.json<{ contactEmail: string }>('GET', `/api/partners/${ids.partner}`, { auth })
    expect(partner.body.contactEmail).toBe(SECRET_EMAIL)

    expect((await testHost.client.json('POST', '/api/phases', { auth, body: { number: 3, title: 'X' } })).status).toBe(403)
    expect((await testHost.client.json('PATCH', `/api/phases/${ids.publishedPhase}`, { auth, body: { title: 'Changed' } })).status).toBe(403)
    expect((await testHost.client.json('DELETE', `/api/partners/${ids.partner}`, { auth })).status).toBe(403)
    const graphql = await testHost.client.graphql('mutation { createPhase(data: { number: 3, title: "X" }) { id } }', {}, auth)
    expect(graphql.errors?.[0]?.message).toMatch(/not allowed/i)

    const phase = await testHost.payload.findByID({ id: ids.publishedPhase, collection: 'phases', overrideAccess: true })
    expect(phase.title).toBe('Published phase')
  })

  test.each(['editor', 'admin'] as const)('an %s creates, updates and deletes content', async (role) => {
    const auth = await testHost.client.login(users[role])
    const created = await testHost.client.json<{ doc: { id: number | string } }>('POST', '/api/partners', {
      auth,
      body: { name: `Partner by ${role}`, country: 'AL', sector: 'ngo' },
    })
    expect(created.status).toBe(201)
    const updated = await testHost.client.json('PATCH', `/api/partners/${created.body.doc.id}`, { auth, body: { acronym: 'PB' } })
    expect(updated.status).toBe(200)
    expect((await testHost.client.json('DELETE', `/api/partners/${created.body.doc.id}`, { auth })).status).toBe(200)
  })
})
