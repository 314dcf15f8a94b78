/**
 * Secrecy of the ballot (issue 13, findings 6 and 19): until a round is decided a vote's choice and
 * comment are seen by its voter and administrators only, other steering members see who has voted,
 * staff outside the steering group and API clients see no votes at all; a recusal is final.
 */
import type { TestHost } from '../helpers/host'
import type { Cast, Id, Sessions } from './shared'

import { startTestHost } from '../helpers/host'
import { createCast, events, inOneHour, phaseWithApprovedDeliverable } from './shared'

let testHost: TestHost
let cast: Cast
let sessions: Sessions
let apiKey: { headers: Record<string, string> }
let round: Id
let idType: string
const votes: Record<string, Id> = {}

type Vote = { choice?: string; comment?: string; id: Id; member: Id }
type Event = { actor: string; data?: Record<string, unknown>; hash?: null | string; prevHash?: null | string; type: string }

const api = <T = Record<string, unknown>>(method: string, path: string, auth?: Sessions[keyof Sessions], body?: object) =>
  testHost.client.json<T & { errors?: Array<{ message: string }> }>(method, path, { auth, body })

beforeAll(async () => {
  testHost = await startTestHost()
  ;({ cast, sessions } = await createCast(testHost))
  const { gate, phase } = await phaseWithApprovedDeliverable(testHost.payload, 1)
  idType = typeof phase.id === 'number' ? 'Int' : 'String'
  const key = await api<{ doc: { apiKey: string } }>('POST', '/api/api-clients', sessions.admin, {
    name: 'Programme website',
    scopes: ['hotlines', 'deliverables', 'phases'],
  })
  apiKey = { headers: { authorization: `API-Key ${key.body.doc.apiKey}` } }
  // Opened by the editor, so all three steering members vote.
  const opened = await api<{ doc: { id: Id } }>('POST', '/api/gate-rounds', sessions.editor, { dueAt: inOneHour(), gate: gate.id })
  round = opened.body.doc.id
  const cast1 = await api<{ doc: Vote }>('POST', '/api/gate-votes', sessions.s1, {
    choice: 'approve',
    comment: 'The manual is ready.',
    round,
  })
  votes.s1 = cast1.body.doc.id
  const cast2 = await api<{ doc: Vote }>('POST', '/api/gate-votes', sessions.s2, {
    choice: 'recuse',
    comment: 'My employer wrote the manual.',
    round,
  })
  votes.s2 = cast2.body.doc.id
})

afterAll(async () => {
  await testHost.stop()
})

const votesAs = async (auth: Sessions[keyof Sessions]) => {
  const { body, status } = await api<{ docs: Vote[] }>('GET', `/api/gate-votes?where[round][equals]=${round}&sort=createdAt&depth=0`, auth)
  expect(status).toBe(200)
  return body.docs
}

describe('before the round is decided', () => {
  test('a voter and the admins see how the voter voted; another member sees only that they voted (REST and GraphQL)', async () => {
    expect((await votesAs(sessions.s1)).find(({ id }) => id === votes.s1)).toMatchObject({ choice: 'approve', comment: 'The manual is ready.' })
    expect(await votesAs(sessions.admin)).toEqual([
      expect.objectContaining({ choice: 'approve', comment: 'The manual is ready.' }),
      expect.objectContaining({ choice: 'recuse' }),
    ])
    const seenByOther = await votesAs(sessions.s3)
    expect(seenByOther.map(({ member }) => String(member)).sort()).toEqual([String(cast.members[0].id), String(cast.members[1].id)].sort())
    for (const vote of seenByOther) {
      expect(vote).not.toHaveProperty('choice')
      expect(vote).not.toHaveProperty('comment')
    }
    const byId = await api<Vote>('GET', `/api/gate-votes/${votes.s1}`, sessions.s3)
    expect(byId.status).toBe(200)
    expect(byId.body).not.toHaveProperty('choice')

    const graphql = await testHost.client.graphql<{ GateVotes: { docs: Array<{ choice: null | string; comment: null | string }> } }>(
      // The id inline: the where input's type for a relationship differs between the databases.
      `{ GateVotes(where: { round: { equals: ${JSON.stringify(round)} } }) { docs { choice comment member { id } } } }`,
      {},
      sessions.s3,
    )
    expect(graphql.data?.GateVotes.docs).toHaveLength(2)
    expect(graphql.data?.GateVotes.docs.every(({ choice, comment }) => choice === null && comment === null)).toBe(true)
  })

  test('staff outside the steering group, API clients and the public see no votes', async () => {
    for (const auth of [sessions.editor, sessions.outsider, undefined]) {
      expect((await api('GET', '/api/gate-votes', auth)).status).toBe(403)
      expect((await api('GET', `/api/gate-votes/${votes.s1}`, auth)).status).toBe(403)
      const graphql = await testHost.client.graphql<{ GateVotes: null | { docs: unknown[] } }>('{ GateVotes { docs { choice } } }', {}, auth)
      expect(graphql.data?.GateVotes ?? null).toBeNull()
    }
    const withKey = await testHost.client.json('GET', '/api/gate-votes', apiKey)
    expect([401, 403]).toContain(withKey.status)
  })

  test('a filter, a sort or a count on the hidden choice or comment is refused, not an oracle', async () => {
    for (const query of [
      'where[choice][equals]=approve',
      'where[comment][like]=manual',
      'where[or][0][choice][equals]=recuse',
      'sort=choice',
      'sort=-comment',
    ]) {
      const { body, status } = await api<{ docs?: unknown[] }>('GET', `/api/gate-votes?${query}`, sessions.s3)
      expect({ query, status }).toEqual({ query, status: 400 })
      expect(body.docs).toBeUndefined()
    }
    expect((await api('GET', '/api/gate-votes/count?where[choice][equals]=approve', sessions.s3)).status).toBe(400)
    const graphql = await testHost.client.graphql<{ GateVotes: null | { totalDocs: number } }>(
      '{ GateVotes(where: { choice: { equals: approve } }) { totalDocs } }',
      {},
      sessions.s3,
    )
    expect(graphql.data?.GateVotes ?? null).toBeNull()
    expect(graphql.errors?.[0]?.message).toMatch(/cannot be queried: choice/)
  })

  test('the decision log and its export leave out the others’ votes; hashes are for admins', async () => {
    const log = async (auth: Sessions[keyof Sessions]) =>
      (await api<{ docs: Event[] }>('GET', '/api/gate-events?limit=100&sort=sequence', auth)).body.docs
    const typesOf = (entries: Event[]) => entries.map(({ type }) => type)
    expect(typesOf(await log(sessions.admin))).toEqual(['round-opened', 'vote-cast', 'recusal'])
    expect(typesOf(await log(sessions.s3))).toEqual(['round-opened'])
    expect(typesOf(await log(sessions.s1))).toEqual(['round-opened', 'vote-cast'])
    expect(typesOf(await log(sessions.editor))).toEqual(['round-opened'])
    expect((await log(sessions.s3))[0]).not.toHaveProperty('hash')
    expect((await log(sessions.admin))[0].hash).toMatch(/^[0-9a-f]{64}$/)
    // The row filter holds under any query the reader adds.
    const asked = await api<{ totalDocs: number }>('GET', '/api/gate-events?where[type][in]=vote-cast,recusal', sessions.s3)
    expect(asked.body.totalDocs).toBe(0)
    expect((await api('GET', '/api/gate-events?where[hash][exists]=true', sessions.s3)).status).toBe(400)

    const exported = async (auth: Sessions[keyof Sessions]) =>
      (await api<{ events: Event[] }>('GET', '/api/gate-events/export?format=json', auth)).body.events
    expect(typesOf(await exported(sessions.s3))).toEqual(['round-opened'])
    expect((await exported(sessions.s3))[0]).toMatchObject({ hash: null, prevHash: null })
    expect(typesOf(await exported(sessions.editor))).toEqual(['round-opened'])
    const csv = await (await testHost.client.request('GET', '/api/gate-events/export?format=csv', { auth: sessions.s3 })).text()
    expect(csv).not.toMatch(/vote-cast|recusal|approve/)
    const whole = await exported(sessions.admin)
    expect(typesOf(whole)).toEqual(['round-opened', 'vote-cast', 'recusal'])
    expect(whole[1]).toMatchObject({ data: { choice: 'approve' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    // The chain check still covers every entry and answers staff with its verdict only.
    expect((await api('GET', '/api/gate-events/verify', sessions.editor)).body).toEqual({ count: 3, valid: true })
  })
})

describe('a recusal', () => {
  test('is final for the round: it cannot be turned into a vote over REST or GraphQL', async () => {
    const rest = await api('PATCH', `/api/gate-votes/${votes.s2}`, sessions.s2, { choice: 'approve', comment: 'Changed my mind.' })
    expect(rest.status).toBe(409)
    expect(rest.body.errors?.[0]?.message).toMatch(/recusal is final/)
    const graphql = await testHost.client.graphql(
      `mutation ($id: ${idType}!) { updateGateVote(id: $id, data: { choice: approve, comment: "Changed my mind." }) { choice } }`,
      { id: votes.s2 },
      sessions.s2,
    )
    expect(graphql.errors?.[0]?.message).toMatch(/recusal is final/)
    const byWhere = await api('PATCH', `/api/gate-votes?where[id][equals]=${votes.s2}`, sessions.s2, { choice: 'reject', comment: 'No.' })
    expect(byWhere.status).toBeGreaterThanOrEqual(400)
    const stored = await testHost.payload.findByID({ id: votes.s2, collection: 'gate-votes' as 'users', overrideAccess: true })
    expect(stored).toMatchObject({ choice: 'recuse', comment: 'My employer wrote the manual.' })
    expect((await events(testHost.payload)).map(({ type }) => type)).toEqual(['round-opened', 'vote-cast', 'recusal'])
  })
})

describe('once the round is decided', () => {
  test('steering members and admins see every vote; other staff still see the decision only', async () => {
    // s2 recused, so s1 and s3 are the base: two approvals decide go.
    expect(
      (await api('POST', '/api/gate-votes', sessions.s3, { choice: 'approve', comment: 'Agreed.', round })).status,
    ).toBe(201)
    const decided = await api<{ outcome: string; status: string }>('GET', `/api/gate-rounds/${round}`, sessions.editor)
    expect(decided.body).toMatchObject({ outcome: 'go', status: 'decided' })
    expect(decided.body).not.toHaveProperty('comments')

    expect((await votesAs(sessions.s3)).find(({ id }) => id === votes.s1)).toMatchObject({ choice: 'approve', comment: 'The manual is ready.' })
    expect((await votesAs(sessions.s1)).find(({ id }) => id === votes.s2)).toMatchObject({ choice: 'recuse' })
    expect((await api('GET', '/api/gate-votes', sessions.editor)).status).toBe(403)

    const log = async (auth: Sessions[keyof Sessions]) =>
      (await api<{ docs: Event[] }>('GET', '/api/gate-events?limit=100&sort=sequence', auth)).body.docs.map(({ type }) => type)
    expect(await log(sessions.s3)).toEqual(['round-opened', 'vote-cast', 'recusal', 'vote-cast', 'decision', 'published-on-go'])
    expect(await log(sessions.editor)).toEqual(['round-opened', 'decision', 'published-on-go'])
  })
})
