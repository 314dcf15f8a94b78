import { paragraphs } from '@/lib/richText'

import type { TestHost } from '../helpers/host'

import { createHotline, createModule } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let hotlineId: number | string
let editor: { token: string }

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  const hotline = await createHotline(testHost.payload, { name: 'Helpline for victims of crime', notes: 'Free, confidential.' })
  hotlineId = hotline.id
  await testHost.payload.update({
    id: hotlineId,
    collection: 'hotlines',
    data: { name: 'Hulplijn voor slachtoffers', notes: 'Gratis.' },
    locale: 'nl',
    overrideAccess: true,
  })
  await testHost.payload.update({
    id: hotlineId,
    collection: 'hotlines',
    data: { name: 'Segélyvonal' },
    locale: 'hu',
    overrideAccess: true,
  })
})

afterAll(async () => {
  await testHost.stop()
})

type Translation = { fallbackFields: string[]; locale: string; servedLocale: string; status: string }

describe('the translation object on public reads', () => {
  test.each([
    ['en', { fallbackFields: [], locale: 'en', servedLocale: 'en', status: 'translated' }],
    ['nl', { fallbackFields: [], locale: 'nl', servedLocale: 'nl', status: 'translated' }],
    ['hu', { fallbackFields: ['notes'], locale: 'hu', servedLocale: 'hu', status: 'fallback' }],
    ['sv', { fallbackFields: ['name', 'notes'], locale: 'sv', servedLocale: 'en', status: 'fallback' }],
  ])('REST locale=%s', async (locale, expected) => {
    const byId = await testHost.client.json<{ translation: Translation }>('GET', `/api/hotlines/${hotlineId}?locale=${locale}`)
    expect(byId.body.translation).toEqual(expected)
    const list = await testHost.client.json<{ docs: Array<{ translation: Translation }> }>('GET', `/api/hotlines?locale=${locale}`)
    expect(list.body.docs[0]?.translation).toEqual(expected)
  })

  test('GraphQL carries the same object', async () => {
    const result = await testHost.client.graphql<{ Hotlines: { docs: Array<{ name: string; translation: Translation }> } }>(
      '{ Hotlines(locale: sv, fallbackLocale: en) { docs { name translation { status servedLocale locale fallbackFields } } } }',
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.Hotlines.docs[0]).toEqual({
      name: 'Helpline for victims of crime',
      translation: { fallbackFields: ['name', 'notes'], locale: 'sv', servedLocale: 'en', status: 'fallback' },
    })
  })
})

describe('outdated translations in a list', () => {
  const markOutdated = (id: number | string) =>
    testHost.payload.update({
      collection: 'translation-tasks',
      data: { status: 'outdated' } as never,
      where: { and: [{ targetCollection: { equals: 'hotlines' } }, { documentId: { equals: String(id) } }, { locale: { equals: 'nl' } }] },
    })

  test('each document gets its own status, read from the tasks of that page only', async () => {
    const current = await createHotline(testHost.payload, { name: 'Anti-trafficking hotline', notes: 'Day and night.' })
    await testHost.payload.update({
      id: current.id,
      collection: 'hotlines',
      data: { name: 'Antimensenhandellijn', notes: 'Dag en nacht.' },
      locale: 'nl',
    })
    const offPage = await createHotline(testHost.payload, { name: 'Labour exploitation line', notes: 'Weekdays.' })
    // Fixture: the English source of two hotlines changed after their Dutch translations were made.
    await markOutdated(hotlineId)
    await markOutdated(offPage.id)
    const { db } = testHost.payload
    const find = db.find
    const taskRows: string[] = []
    db.find = (async (...args: Parameters<typeof find>) => {
      const result = await find.apply(db, args)
      if (args[0].collection === 'translation-tasks') {
        taskRows.push(...(result.docs as unknown as Array<{ documentId: string }>).map(({ documentId }) => documentId))
      }
      return result
    }) as typeof find
    try {
      const list = await testHost.client.json<{ docs: Array<{ id: number | string; translation: Translation }> }>(
        'GET',
        '/api/hotlines?locale=nl&limit=2&sort=createdAt',
      )
      const statuses = Object.fromEntries(list.body.docs.map(({ id, translation }) => [String(id), translation.status]))
      expect(statuses).toEqual({ [String(current.id)]: 'translated', [String(hotlineId)]: 'outdated' })
      // The cost of a page must not grow with the programme's outdated tasks elsewhere.
      expect(taskRows.sort()).toEqual([String(current.id), String(hotlineId)].sort())
    } finally {
      db.find = find
    }
  })
})

describe('staff-only fields are not named to the public (finding 10)', () => {
  type ModuleRead = { title: string; trainerNotes?: unknown; translation: Translation }
  let moduleId: number | string

  beforeAll(async () => {
    // Trainer notes exist in English only: a Dutch read falls back for them, and only for them.
    const created = await createModule(testHost.payload, { title: 'Identifying victims', trainerNotes: paragraphs('Bring the case file.') })
    moduleId = created.id
    await testHost.payload.update({ id: moduleId, collection: 'training-modules', data: { title: 'Slachtoffers herkennen' }, locale: 'nl', overrideAccess: true })
  })

  test('REST: the public sees a complete translation; staff see the trainer notes falling back', async () => {
    const anonymous = await testHost.client.json<ModuleRead>('GET', `/api/training-modules/${moduleId}?locale=nl`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.trainerNotes).toBeUndefined()
    // Before: fallbackFields ['trainerNotes'] and status 'fallback', naming a field the reader cannot see.
    expect(anonymous.body.translation).toEqual({ fallbackFields: [], locale: 'nl', servedLocale: 'nl', status: 'translated' })
    const list = await testHost.client.json<{ docs: ModuleRead[] }>('GET', `/api/training-modules?locale=nl&where[id][equals]=${moduleId}`)
    expect(list.body.docs[0]?.translation.fallbackFields).toEqual([])

    const staff = await testHost.client.json<ModuleRead>('GET', `/api/training-modules/${moduleId}?locale=nl`, { auth: editor })
    expect(staff.body.translation).toEqual({ fallbackFields: ['trainerNotes'], locale: 'nl', servedLocale: 'nl', status: 'fallback' })
  })

  test('GraphQL: the same for the public and for staff', async () => {
    const query = `query ($id: ${typeof moduleId === 'number' ? 'Int' : 'String'}!) { TrainingModule(id: $id, locale: nl) { translation { fallbackFields status } } }`
    const anonymous = await testHost.client.graphql<{ TrainingModule: { translation: Partial<Translation> } }>(query, { id: moduleId })
    expect(anonymous.errors).toBeUndefined()
    expect(anonymous.data?.TrainingModule.translation).toEqual({ fallbackFields: [], status: 'translated' })
    const staff = await testHost.client.graphql<{ TrainingModule: { translation: Partial<Translation> } }>(query, { id: moduleId }, editor)
    expect(staff.data?.TrainingModule.translation).toEqual({ fallbackFields: ['trainerNotes'], status: 'fallback' })
  })
})
