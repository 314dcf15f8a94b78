import { setClock } from '@/lib/clock'

import type { TestHost } from '../helpers/host'

import { createHotline } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let hotlineId: number | string
let neverVerifiedId: number | string
const verifiedOn = new Date('2026-01-10T00:00:00Z')
const day = 86_400_000

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  hotlineId = (await createHotline(testHost.payload, { verification: { intervalDays: 180, lastVerifiedAt: verifiedOn.toISOString() } })).id
  neverVerifiedId = (await createHotline(testHost.payload, { country: 'EU', phone: '116006' })).id
})

afterAll(async () => {
  setClock()
  await testHost.stop()
})

const restStatus = async (id: number | string) =>
  (await testHost.client.json<{ verification: { nextDueAt: string; status: string } }>('GET', `/api/hotlines/${id}`)).body.verification

const graphqlStatus = async (id: number | string) => {
  const result = await testHost.client.graphql<{ Hotline: { verification: { status: string } } }>(
    `query ($id: ${typeof id === 'number' ? 'Int' : 'String'}!) { Hotline(id: $id) { verification { status nextDueAt } } }`,
    { id },
  )
  return result.data?.Hotline.verification.status
}

describe('hotline verification follows the clock', () => {
  test.each([
    [10, 'current'],
    [149, 'current'],
    [151, 'due'],
    [180, 'due'],
    [181, 'overdue'],
    [400, 'overdue'],
  ])('%p days after the last check the number is %p, over REST and GraphQL', async (days, status) => {
    setClock(() => new Date(verifiedOn.getTime() + days * day))
    const rest = await restStatus(hotlineId)
    expect(rest.status).toBe(status)
    expect(rest.nextDueAt).toBe(new Date(verifiedOn.getTime() + 180 * day).toISOString())
    expect(await graphqlStatus(hotlineId)).toBe(status)

    const list = await testHost.client.json<{ docs: Array<{ id: number | string; verification: { status: string } }> }>(
      'GET',
      '/api/hotlines?limit=10',
    )
    expect(list.body.docs.find((doc) => doc.id === hotlineId)?.verification.status).toBe(status)
  })

  test('a number never checked says so, whatever the date', async () => {
    setClock(() => new Date('2030-01-01T00:00:00Z'))
    expect(await restStatus(neverVerifiedId)).toMatchObject({ nextDueAt: null, status: 'unverified' })
  })

  test('re-verifying makes an overdue number current again', async () => {
    const now = new Date(verifiedOn.getTime() + 300 * day)
    setClock(() => now)
    expect((await restStatus(hotlineId)).status).toBe('overdue')
    await testHost.payload.update({
      id: hotlineId,
      collection: 'hotlines',
      data: { verification: { lastVerifiedAt: now.toISOString() } } as never,
      overrideAccess: true,
    })
    expect((await restStatus(hotlineId)).status).toBe('current')
  })

  test('the status is computed, not stored: clients cannot set it', async () => {
    const admin = await createUser(testHost.payload, ['editor'])
    const auth = await testHost.client.login(admin)
    setClock(() => new Date(verifiedOn.getTime() + 1000 * day))
    await testHost.client.json('PATCH', `/api/hotlines/${neverVerifiedId}`, { auth, body: { verification: { status: 'current' } } })
    expect((await restStatus(neverVerifiedId)).status).toBe('unverified')
  })
})
