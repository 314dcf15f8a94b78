/**
 * Every Payload operation that writes a translated document goes through the same rules as an
 * update: a translator edits one locale of a document through their task, as a draft, and never
 * restores a version, duplicates, deletes, updates or deletes by `where`, or publishes through
 * Payload's publication flags; nor locks a document they may not edit. Editors keep all of it.
 */
import type { AuthMode, TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { ERRORS } from '../../plugins/translation-workflow/constants'
import { createHotline } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { taskOf, transition } from './shared'

type Hotline = { _status: string; id: number | string; name: string; phone: string }
type Version = { id: number | string; version: Hotline }

const OLD_PHONE = '+3232011690'
const NEW_PHONE = '+3225116464'

let testHost: TestHost
let editor: AuthMode
let translatorNl: AuthMode
let translatorNlUser: TestUser
let steering: AuthMode
let hotlineId: number | string
let publishedVersionId: number | string
let draftVersionId: number | string

const idType = (id: number | string) => (typeof id === 'number' ? 'Int' : 'String')

/** What the public reads: the published document. */
const publicHotline = async (id = hotlineId) => (await testHost.client.json<Hotline>('GET', `/api/hotlines/${id}?depth=0`)).body

/** Everything a write could have changed: the stored document in every locale and its history. */
const stateOf = async (id = hotlineId) => ({
  doc: await testHost.payload.findByID({ id, collection: 'hotlines', depth: 0, locale: 'all' }),
  draft: await testHost.payload.findByID({ id, collection: 'hotlines', depth: 0, draft: true, locale: 'all' }),
  hotlines: (await testHost.payload.count({ collection: 'hotlines' })).totalDocs,
  versions: (await testHost.payload.countVersions({ collection: 'hotlines', where: { parent: { equals: id } } })).totalDocs,
})

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  editor = await client.login(await createUser(payload, ['editor']))
  translatorNlUser = await createUser(payload, ['translator'], { translatorLocales: ['nl'] })
  translatorNl = await client.login(translatorNlUser)
  steering = await client.login(await createUser(payload, ['steering']))
  // Version 1: published with the old number; version 2: the corrected number, published; version 3: a draft.
  hotlineId = (await createHotline(payload, { name: 'Child Focus', phone: OLD_PHONE })).id
  const corrected = await client.json('PATCH', `/api/hotlines/${hotlineId}?locale=en`, { auth: editor, body: { phone: NEW_PHONE } })
  expect(corrected.status).toBe(200)
  const drafted = await client.json('PATCH', `/api/hotlines/${hotlineId}?locale=en&draft=true`, {
    auth: editor,
    body: { name: 'Child Focus (being revised)' },
  })
  expect(drafted.status).toBe(200)
  const { docs } = (await payload.findVersions({ collection: 'hotlines', sort: 'createdAt', where: { parent: { equals: hotlineId } } })) as unknown as {
    docs: Version[]
  }
  publishedVersionId = docs.find((version) => version.version.phone === OLD_PHONE && version.version._status === 'published')!.id
  draftVersionId = docs.find((version) => version.version._status === 'draft')!.id
  // The set-up: the translator holds the open nl task of this hotline.
  expect((await transition(testHost, (await taskOf(payload, 'hotlines', hotlineId, 'nl')).id, 'claim', translatorNl)).status).toBe(200)
  expect(await publicHotline()).toMatchObject({ _status: 'published', phone: NEW_PHONE })
}, 120_000)

afterAll(async () => {
  await testHost.stop()
})

describe('a translator never restores a version', () => {
  test.each([
    ['an old published version (the public number would revert)', () => publishedVersionId],
    ['a draft version (the hotline would go offline)', () => draftVersionId],
  ])('REST: restoring %s is refused with 403; nothing changes', async (_name, version) => {
    const before = await stateOf()
    const { body, status } = await testHost.client.json<{ errors: Array<{ message: string }> }>(
      'POST',
      `/api/hotlines/versions/${version()}?locale=nl`,
      { auth: translatorNl },
    )
    expect(status).toBe(403)
    expect(body.errors[0]?.message).toBe(ERRORS.translatorCannotRestore)
    expect(await stateOf()).toEqual(before)
    expect(await publicHotline()).toMatchObject({ _status: 'published', phone: NEW_PHONE })
  })

  test('GraphQL: restoreVersionHotline is refused the same way', async () => {
    const before = await stateOf()
    for (const version of [publishedVersionId, draftVersionId]) {
      const result = await testHost.client.graphql(
        `mutation ($id: ${idType(version)}!) { restoreVersionHotline(id: $id) { phone } }`,
        { id: version },
        translatorNl,
      )
      expect(result.errors?.[0]?.message).toBe(ERRORS.translatorCannotRestore)
    }
    expect(await stateOf()).toEqual(before)
  })

  test('Local API with the translator and overrideAccess: false: refused', async () => {
    const user = { ...(await testHost.payload.findByID({ id: translatorNlUser.id, collection: 'users' })), collection: 'users' as const }
    const before = await stateOf()
    await expect(
      testHost.payload.restoreVersion({ id: publishedVersionId as never, collection: 'hotlines', locale: 'nl', overrideAccess: false, user }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await stateOf()).toEqual(before)
  })

  test('steering members are refused too', async () => {
    const before = await stateOf()
    expect((await testHost.client.json('POST', `/api/hotlines/versions/${publishedVersionId}`, { auth: steering })).status).toBe(403)
    expect(await stateOf()).toEqual(before)
  })
})

describe('nor any other operation that is not their edit of one locale', () => {
  const ids = () => `where[id][equals]=${hotlineId}`
  test.each<[string, string, string, object | undefined]>([
    ['a duplicate', 'POST', `/api/hotlines/{id}/duplicate?locale=nl`, {}],
    ['an update by where', 'PATCH', `/api/hotlines?{where}&locale=nl`, { name: 'Kinderhulplijn' }],
    ['a delete by where', 'DELETE', `/api/hotlines?{where}`, undefined],
    ['a delete', 'DELETE', `/api/hotlines/{id}`, undefined],
    ['a save with publishSpecificLocale', 'PATCH', `/api/hotlines/{id}?locale=nl&publishSpecificLocale=nl`, { name: 'Kinderhulplijn' }],
    ['a save with publishAllLocales', 'PATCH', `/api/hotlines/{id}?locale=nl&publishAllLocales=true`, { name: 'Kinderhulplijn' }],
    ['a save with unpublishAllLocales', 'PATCH', `/api/hotlines/{id}?locale=nl&unpublishAllLocales=true`, { name: 'Kinderhulplijn' }],
  ])('REST: %s is refused with 403; nothing changes', async (_name, method, path, body) => {
    const before = await stateOf()
    const url = path.replace('{id}', String(hotlineId)).replace('{where}', ids())
    expect((await testHost.client.json(method, url, { auth: translatorNl, body })).status).toBe(403)
    expect(await stateOf()).toEqual(before)
  })

  test('GraphQL: duplicate and delete are refused; nothing changes', async () => {
    const before = await stateOf()
    for (const mutation of [
      `duplicateHotline(id: $id, data: { name: "Kopie", country: BE, phone: "${NEW_PHONE}" })`,
      'deleteHotline(id: $id)',
    ]) {
      const result = await testHost.client.graphql(
        `mutation ($id: ${idType(hotlineId)}!) { ${mutation} { id } }`,
        { id: hotlineId },
        translatorNl,
      )
      expect(result.errors?.[0]?.message).toBe('You are not allowed to perform this action.')
    }
    expect(await stateOf()).toEqual(before)
  })

  test('their own edit still works: a draft of the Dutch name, the public document unchanged', async () => {
    const { status } = await testHost.client.json('PATCH', `/api/hotlines/${hotlineId}?locale=nl`, {
      auth: translatorNl,
      body: { name: 'Kinderhulplijn' },
    })
    expect(status).toBe(200)
    const draft = await testHost.payload.findByID({ id: hotlineId, collection: 'hotlines', draft: true, fallbackLocale: false, locale: 'nl' })
    expect(draft.name).toBe('Kinderhulplijn')
    expect(await publicHotline()).toMatchObject({ _status: 'published', phone: NEW_PHONE })
  })
})

describe('locks', () => {
  // In the locale the translator edits: their right to update, and so to lock, is per locale.
  const lock = (auth: AuthMode, userId: number | string, documentId: number | string) =>
    testHost.client.json<{ doc: { id: number | string } }>('POST', '/api/payload-locked-documents?locale=nl', {
      auth,
      body: { document: { relationTo: 'hotlines', value: documentId }, user: { relationTo: 'users', value: userId } },
    })

  test('a translator cannot lock a document they may not edit, so an editor is never held off it', async () => {
    const other = (await createHotline(testHost.payload, { name: 'Another line' })).id
    const locksBefore = (await testHost.payload.count({ collection: 'payload-locked-documents' })).totalDocs
    expect((await lock(translatorNl, translatorNlUser.id, other)).status).toBe(403)
    expect((await testHost.payload.count({ collection: 'payload-locked-documents' })).totalDocs).toBe(locksBefore)
    const result = await testHost.client.graphql(
      `mutation {
        createPayloadLockedDocument(
          locale: nl
          data: { document: { relationTo: hotlines, value: ${JSON.stringify(other)} }, user: { relationTo: users, value: ${JSON.stringify(translatorNlUser.id)} } }
        ) { id }
      }`,
      {},
      translatorNl,
    )
    expect(result.errors?.[0]?.message).toBe('You are not allowed to perform this action.')
    const saved = await testHost.client.json('PATCH', `/api/hotlines/${other}?locale=en`, { auth: editor, body: { phone: NEW_PHONE } })
    expect(saved.status).toBe(200)
  })

  test('a translator may lock the document of their task, in their own name only, and release it; an editor may take it over', async () => {
    const steeringUser = await createUser(testHost.payload, ['steering'])
    expect((await lock(translatorNl, steeringUser.id, hotlineId)).status).toBe(403)
    const taken = await lock(translatorNl, translatorNlUser.id, hotlineId)
    expect(taken.status).toBe(201)
    const lockId = taken.body.doc.id
    // Steering may not edit the hotline: neither take the lock over nor release it.
    const asSteering = (method: string, body?: object) =>
      testHost.client.json(method, `/api/payload-locked-documents/${lockId}`, { auth: steering, body })
    expect((await asSteering('PATCH', { user: { relationTo: 'users', value: steeringUser.id } })).status).toBe(403)
    expect((await asSteering('DELETE')).status).toBe(403)
    expect((await testHost.payload.findByID({ id: lockId, collection: 'payload-locked-documents', depth: 0 })).user).toMatchObject({
      value: translatorNlUser.id,
    })
    expect((await testHost.client.json('DELETE', `/api/payload-locked-documents/${lockId}`, { auth: translatorNl })).status).toBe(200)
    const again = (await lock(translatorNl, translatorNlUser.id, hotlineId)).body.doc.id
    const editorUser = (await testHost.client.json<{ user: { id: number | string } }>('GET', '/api/users/me', { auth: editor })).body.user
    const takenOver = await testHost.client.json('PATCH', `/api/payload-locked-documents/${again}`, {
      auth: editor,
      body: { user: { relationTo: 'users', value: editorUser.id } },
    })
    expect(takenOver.status).toBe(200)
    expect((await testHost.client.json('DELETE', `/api/payload-locked-documents/${again}`, { auth: editor })).status).toBe(200)
  })
})

describe('editors keep their rights', () => {
  test('REST: an editor restores the old published version; the public number reverts', async () => {
    const { status } = await testHost.client.json('POST', `/api/hotlines/versions/${publishedVersionId}`, { auth: editor })
    expect(status).toBe(200)
    expect(await publicHotline()).toMatchObject({ _status: 'published', phone: OLD_PHONE })
  })

  test('GraphQL: an editor restores the corrected version', async () => {
    const { docs } = (await testHost.payload.findVersions({
      collection: 'hotlines',
      where: { and: [{ parent: { equals: hotlineId } }, { 'version.phone': { equals: NEW_PHONE } }, { 'version._status': { equals: 'published' } }] },
    })) as unknown as { docs: Version[] }
    const result = await testHost.client.graphql(
      `mutation ($id: ${idType(docs[0]!.id)}!) { restoreVersionHotline(id: $id) { phone } }`,
      { id: docs[0]!.id },
      editor,
    )
    expect(result.errors).toBeUndefined()
    expect(await publicHotline()).toMatchObject({ _status: 'published', phone: NEW_PHONE })
  })
})
