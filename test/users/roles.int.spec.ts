import type { TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let admin: TestUser
let editor: TestUser
let translator: TestUser

beforeAll(async () => {
  testHost = await startTestHost()
  // The first account in an empty database is made admin, so create it first.
  admin = await createUser(testHost.payload, ['admin'])
  editor = await createUser(testHost.payload, ['editor'])
  translator = await createUser(testHost.payload, ['translator'], { translatorLocales: ['nl'] })
})

afterAll(async () => {
  await testHost.stop()
})

const rolesOf = async (id: number | string) =>
  (await testHost.payload.findByID({ id, collection: 'users', overrideAccess: true })).roles

describe('roles: only admins grant powers', () => {
  test.each([
    ['own', () => editor, () => editor],
    ["another user's", () => editor, () => translator],
  ])('an editor cannot change %s roles over REST', async (_label, actor, target) => {
    const auth = await testHost.client.login(actor())
    const before = await rolesOf(target().id)
    const { status } = await testHost.client.json('PATCH', `/api/users/${target().id}`, {
      auth,
      body: { roles: ['admin'] },
    })
    expect([403]).toContain(status)
    expect(await rolesOf(target().id)).toEqual(before)
  })

  test('a translator cannot raise their own role or add languages over GraphQL', async () => {
    const auth = await testHost.client.login(translator)
    const result = await testHost.client.graphql(
      `mutation ($id: ${typeof translator.id === 'number' ? 'Int' : 'String'}!) {
        updateUser(id: $id, data: { roles: [admin] }) { id roles }
      }`,
      { id: translator.id },
      auth,
    )
    expect(result.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(await rolesOf(translator.id)).toEqual(['translator'])

    const languages = await testHost.client.graphql(
      `mutation ($id: ${typeof translator.id === 'number' ? 'Int' : 'String'}!) {
        updateUser(id: $id, data: { translatorLocales: [nl, sv] }) { id }
      }`,
      { id: translator.id },
      auth,
    )
    expect(languages.errors?.[0]?.message).toMatch(/not allowed/i)
    const stored = await testHost.payload.findByID({ id: translator.id, collection: 'users', overrideAccess: true })
    expect(stored.translatorLocales).toEqual(['nl'])
  })

  test('a user may save their own account with unchanged roles (as the account form does)', async () => {
    const auth = await testHost.client.login(editor)
    const { body, status } = await testHost.client.json<{ doc: { name: string; roles: string[] } }>(
      'PATCH',
      `/api/users/${editor.id}`,
      { auth, body: { name: 'Renamed editor', roles: ['editor'] } },
    )
    expect(status).toBe(200)
    expect(body.doc).toMatchObject({ name: 'Renamed editor', roles: ['editor'] })
  })

  test('a non-admin cannot create users', async () => {
    const auth = await testHost.client.login(editor)
    const { status } = await testHost.client.json('POST', '/api/users', {
      auth,
      body: { name: 'New', email: 'new@example.org', password: 'long-enough-password', roles: ['editor'] },
    })
    expect(status).toBe(403)
    const { totalDocs } = await testHost.payload.count({ collection: 'users', where: { email: { equals: 'new@example.org' } } })
    expect(totalDocs).toBe(0)
  })

  test('an admin can change roles over REST and GraphQL', async () => {
    const auth = await testHost.client.login(admin)
    const rest = await testHost.client.json('PATCH', `/api/users/${editor.id}`, { auth, body: { roles: ['editor', 'steering'] } })
    expect(rest.status).toBe(200)
    expect(await rolesOf(editor.id)).toEqual(['editor', 'steering'])

    const result = await testHost.client.graphql(
      `mutation ($id: ${typeof editor.id === 'number' ? 'Int' : 'String'}!) { updateUser(id: $id, data: { roles: [editor] }) { roles } }`,
      { id: editor.id },
      auth,
    )
    expect(result.errors).toBeUndefined()
    expect(await rolesOf(editor.id)).toEqual(['editor'])
  })

  test('the first user created on the first-user screen becomes admin, whatever the form sent', async () => {
    await testHost.payload.delete({ collection: 'users', overrideAccess: true, where: {} })
    const { body, status } = await testHost.client.json<{ user: { roles: string[] } }>('POST', '/api/users/first-register', {
      body: { name: 'First', email: 'first@example.org', password: 'first-password-123', roles: ['translator'] },
    })
    expect(status).toBe(200)
    expect(body.user.roles).toEqual(['admin'])

    const second = await testHost.client.json('POST', '/api/users/first-register', {
      body: { name: 'Second', email: 'second@example.org', password: 'second-password-123' },
    })
    expect(second.status).toBe(403)
  })
})
