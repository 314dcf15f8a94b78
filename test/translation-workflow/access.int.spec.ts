import type { Payload } from 'payload'

import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { createPhaseOverRest, taskOf, transition } from './shared'

let testHost: TestHost
let editor: AuthMode
let translatorNl: AuthMode
let translatorNlUser: TestUser
let otherTranslatorNl: AuthMode
let id: number | string
let rowId: string

type Phase = { _status: string; number: number; objectives: Array<{ id: string; objective: string }>; title: string }

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  editor = await client.login(await createUser(payload, ['editor']))
  translatorNlUser = await createUser(payload, ['translator'], { translatorLocales: ['nl', 'sv'] })
  translatorNl = await client.login(translatorNlUser)
  otherTranslatorNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  id = await createPhaseOverRest(testHost, editor, { objectives: [{ objective: 'Know the signs' }], title: 'Identification' })
  rowId = ((await payload.findByID({ id, collection: 'phases' })) as unknown as Phase).objectives[0]!.id
  // The translator holds the Dutch task only; they also translate Swedish but hold no Swedish task.
  const nlTask = await taskOf(payload, 'phases', id, 'nl')
  expect((await transition(testHost, nlTask.id, 'claim', translatorNl)).status).toBe(200)
})

afterAll(async () => {
  await testHost.stop()
})

/** The latest version (draft included) in one locale, without fallback: what a write would have changed. */
const stored = async (payload: Payload, locale: 'en' | 'nl' | 'sv') =>
  (await payload.findByID({ id, collection: 'phases', draft: true, fallbackLocale: false, locale })) as unknown as Phase

const snapshot = async () => ({
  en: await stored(testHost.payload, 'en'),
  nl: await stored(testHost.payload, 'nl'),
  sv: await stored(testHost.payload, 'sv'),
})

describe('a translator writes only localized fields of their locale, through their task', () => {
  test('the Dutch title of their document: saved, as a draft nobody outside sees yet', async () => {
    const { status } = await testHost.client.json('PATCH', `/api/phases/${id}?locale=nl`, {
      auth: translatorNl,
      body: { objectives: [{ id: rowId, objective: 'Ken de signalen' }], title: 'Identificatie' },
    })
    expect(status).toBe(200)
    expect((await stored(testHost.payload, 'nl')).title).toBe('Identificatie')
    expect((await stored(testHost.payload, 'nl')).objectives[0]?.objective).toBe('Ken de signalen')
    const anonymous = await testHost.client.json<Phase>('GET', `/api/phases/${id}?locale=nl`)
    expect(anonymous.body.title).toBe('Identification')
  })

  test.each<[string, string, Record<string, unknown>]>([
    ['another locale they hold but have no task in', 'sv', { title: 'Identifiering' }],
    ['the source locale', 'en', { title: 'Changed source' }],
    ['every locale at once', 'all', { title: { nl: 'x', sv: 'y' } }],
    ['a non-localized field', 'nl', { number: 4 }],
    ['a non-localized field beside a localized one', 'nl', { number: 4, title: 'Identificatie!' }],
    ['a new row in a shared array', 'nl', { objectives: [{ id: rowId, objective: 'x' }, { objective: 'Extra' }] }],
    ['a publish', 'nl', { _status: 'published', title: 'Gepubliceerd' }],
  ])('REST refuses %s with 403; nothing changes', async (_name, locale, body) => {
    const before = await snapshot()
    const { status } = await testHost.client.json('PATCH', `/api/phases/${id}?locale=${locale}`, { auth: translatorNl, body })
    expect(status).toBe(403)
    expect(await snapshot()).toEqual(before)
  })

  test('REST refuses a translator of nl who does not hold the task', async () => {
    const before = await snapshot()
    expect(
      (await testHost.client.json('PATCH', `/api/phases/${id}?locale=nl`, { auth: otherTranslatorNl, body: { title: 'Mijn versie' } }))
        .status,
    ).toBe(403)
    expect(await snapshot()).toEqual(before)
  })

  test('GraphQL: the same rules', async () => {
    const idType = typeof id === 'number' ? 'Int' : 'String'
    const update = (locale: string, data: string) =>
      testHost.client.graphql(
        `mutation ($id: ${idType}!) { updatePhase(id: $id, locale: ${locale}, data: ${data}) { title } }`,
        { id },
        translatorNl,
      )
    const before = await snapshot()
    for (const [locale, data] of [
      ['sv', '{ title: "Identifiering" }'],
      ['en', '{ title: "Changed source" }'],
      ['nl', '{ number: 5 }'],
    ] as const) {
      const result = await update(locale, data)
      expect(result.errors?.[0]?.message).toBe('You are not allowed to perform this action.')
    }
    expect(await snapshot()).toEqual(before)
    const allowed = await update('nl', '{ title: "Identificatie van slachtoffers" }')
    expect(allowed.errors).toBeUndefined()
    expect((await stored(testHost.payload, 'nl')).title).toBe('Identificatie van slachtoffers')
  })

  test('Local API with overrideAccess: false and the real user: the same rules', async () => {
    const user = { ...(await testHost.payload.findByID({ id: translatorNlUser.id, collection: 'users' })), collection: 'users' as const }
    const update = (locale: 'en' | 'nl' | 'sv', data: Record<string, unknown>) =>
      testHost.payload.update({ id, collection: 'phases', data: data as never, locale, overrideAccess: false, user })
    const before = await snapshot()
    await expect(update('sv', { title: 'Identifiering' })).rejects.toMatchObject({ status: 403 })
    await expect(update('en', { title: 'Changed source' })).rejects.toMatchObject({ status: 403 })
    await expect(update('nl', { status: 'closed' })).rejects.toMatchObject({ status: 403 })
    expect(await snapshot()).toEqual(before)
    await update('nl', { title: 'Identificatie (lokaal)' })
    expect((await stored(testHost.payload, 'nl')).title).toBe('Identificatie (lokaal)')
    expect((await testHost.payload.findByID({ id, collection: 'phases', locale: 'nl' })).title).toBe('Identification')
  })

  test('once submitted, the translation is no longer theirs to change', async () => {
    // The summary is the one field still untranslated, and QA refuses a submit that leaves a field empty.
    const summary = paragraphs('Slachtoffers worden binnen 24 uur doorverwezen.')
    expect((await testHost.client.json('PATCH', `/api/phases/${id}?locale=nl`, { auth: translatorNl, body: { summary } })).status).toBe(200)
    const nlTask = await taskOf(testHost.payload, 'phases', id, 'nl')
    expect((await transition(testHost, nlTask.id, 'submit', translatorNl)).status).toBe(200)
    expect(
      (await testHost.client.json('PATCH', `/api/phases/${id}?locale=nl`, { auth: translatorNl, body: { title: 'Na indienen' } })).status,
    ).toBe(403)
  })

  test('editors keep their rights: any locale, any field', async () => {
    const { status } = await testHost.client.json('PATCH', `/api/phases/${id}?locale=en`, { auth: editor, body: { number: 2 } })
    expect(status).toBe(200)
  })
})
