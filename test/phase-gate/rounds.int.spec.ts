import { outbox } from '@/lib/email'

import type { TestHost } from '../helpers/host'
import type { Cast, Id, Sessions } from './shared'

import { createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createCast, events, gateOf, inOneHour } from './shared'

let testHost: TestHost
let cast: Cast
let sessions: Sessions
const ids: Record<string, Id> = {}
let idType: string

beforeAll(async () => {
  testHost = await startTestHost()
  ;({ cast, sessions } = await createCast(testHost))
  const { payload } = testHost
  const phase = await createPhase(payload, { number: 1, status: 'active', title: 'Preparation' })
  ids.phase = phase.id
  ids.gate = (await gateOf(payload, phase.id)).id
  const create = (data: Record<string, unknown>) =>
    payload.create({ collection: 'deliverables', data: { type: 'pocket-card', phase: phase.id, ...data } as never, overrideAccess: true })
  ids.manual = (await create({ _status: 'draft', title: 'Manual', workStatus: 'in-progress' })).id
  // Published before the gate existed (as seeded content may be): the public must still not see it.
  ids.card = (await create({ _status: 'published', title: 'Pocket card', workStatus: 'approved' })).id
  idType = typeof phase.id === 'number' ? 'Int' : 'String'
})

afterAll(async () => {
  await testHost.stop()
})

const api = <T = Record<string, unknown>>(method: string, path: string, auth?: Sessions[keyof Sessions], body?: object) =>
  testHost.client.json<T & { errors?: Array<{ data?: unknown; message: string }> }>(method, path, { auth, body })

const errorOf = (body: { errors?: Array<{ message: string }> }) => body.errors?.map(({ message }) => message).join(' ') ?? ''

describe('criteria', () => {
  test('a gate cannot be opened while a criterion fails; the API names every failing one', async () => {
    await api('PATCH', `/api/gates/${ids.gate}`, sessions.editor, { checklist: [{ done: false, item: 'Partners consulted' }] })
    const { body, status } = await api('POST', '/api/gate-rounds', sessions.s1, { dueAt: inOneHour(), gate: ids.gate })
    expect(status).toBe(409)
    expect(errorOf(body)).toMatch(/Deliverable "Manual" is in-progress, not approved/)
    expect(errorOf(body)).toMatch(/Checklist item "Partners consulted" is not ticked/)

    const ticked = await api<{ doc: { criteria: Array<{ holds: boolean; problem?: string }> } }>(
      'PATCH',
      `/api/gates/${ids.gate}`,
      sessions.editor,
      {
        checklist: [{ done: true, evidenceText: 'Minutes of the partner meeting', item: 'Partners consulted' }],
      },
    )
    expect(ticked.body.doc.criteria.find(({ problem }) => problem?.includes('Partners'))?.problem).toMatch(/no evidence/)
    expect((await api('POST', '/api/gate-rounds', sessions.s1, { dueAt: inOneHour(), gate: ids.gate })).status).toBe(409)
  })

  test('once every criterion holds, the gate reports so', async () => {
    await testHost.payload.update({
      id: ids.manual,
      collection: 'deliverables',
      data: { workStatus: 'approved' } as never,
      overrideAccess: true,
    })
    await api('PATCH', `/api/gates/${ids.gate}`, sessions.editor, {
      checklist: [{ done: true, evidenceLink: 'https://example.org/minutes.pdf', evidenceText: 'Minutes', item: 'Partners consulted' }],
    })
    const { body } = await api<{ criteria: Array<{ holds: boolean }>; decision: string }>('GET', `/api/gates/${ids.gate}`, sessions.s1)
    expect(body.criteria).toHaveLength(3)
    expect(body.criteria.every(({ holds }) => holds)).toBe(true)
    expect(body.decision).toBe('none')
    expect((await api('GET', `/api/gates/${ids.gate}`)).status).toBe(403)
  })
})

describe('publishing before go', () => {
  const refusal = /Publishing is blocked by the gate of phase 1 "Preparation": its decision is "none"/

  test.each(['editor', 'admin'] as const)('is refused over REST for the %s, and nothing changes', async (role) => {
    const { body, status } = await api('PATCH', `/api/deliverables/${ids.manual}`, sessions[role], {
      _status: 'published',
      title: 'Manual, final',
    })
    expect(status).toBe(403)
    expect(errorOf(body)).toMatch(refusal)
    const stored = await testHost.payload.findByID({ id: ids.manual, collection: 'deliverables', draft: true, overrideAccess: true })
    expect(stored).toMatchObject({ _status: 'draft', title: 'Manual' })
  })

  test('is refused when creating published gated content, and over GraphQL, and through the Local API as the admin', async () => {
    const created = await api('POST', '/api/deliverables', sessions.admin, {
      type: 'other',
      _status: 'published',
      phase: ids.phase,
      title: 'Sneaky',
    })
    expect(created.status).toBe(403)
    expect(errorOf(created.body)).toMatch(refusal)

    const graphql = await testHost.client.graphql(
      `mutation ($id: ${idType}!) { updateDeliverable(id: $id, data: { _status: published }) { _status } }`,
      { id: ids.manual },
      sessions.admin,
    )
    expect(graphql.errors?.[0]?.message).toMatch(refusal)

    const admin = await testHost.payload.findByID({ id: cast.admin.id, collection: 'users' })
    await expect(
      testHost.payload.update({
        id: ids.manual,
        collection: 'deliverables',
        data: { _status: 'published' } as never,
        overrideAccess: false,
        user: admin,
      }),
    ).rejects.toThrow(refusal)
  })

  test('editing already published gated content without saving a draft counts as publishing', async () => {
    const { body, status } = await api('PATCH', `/api/deliverables/${ids.card}`, sessions.editor, { title: 'Pocket card v2' })
    expect(status).toBe(403)
    expect(errorOf(body)).toMatch(refusal)
    expect((await api('PATCH', `/api/deliverables/${ids.card}?draft=true`, sessions.editor, { title: 'Pocket card' })).status).toBe(200)
  })

  test('restoring a published version is publishing, and is refused too', async () => {
    const { docs } = await testHost.payload.findVersions({ collection: 'deliverables', where: { parent: { equals: ids.card } } })
    const published = docs.find(({ version }) => version._status === 'published')!
    const { body, status } = await api('POST', `/api/deliverables/versions/${published.id}`, sessions.admin)
    expect(status).toBe(403)
    expect(errorOf(body)).toMatch(refusal)
  })

  test('the gate decision cannot be written by anyone through the API', async () => {
    const { body } = await api<{ doc: { decision: string } }>('PATCH', `/api/gates/${ids.gate}`, sessions.admin, { decision: 'go' })
    expect(body.doc.decision).toBe('none')
    const graphql = await testHost.client.graphql(
      `mutation ($id: ${idType}!) { updateGate(id: $id, data: { decision: go }) { decision } }`,
      { id: ids.gate },
      sessions.admin,
    )
    expect(JSON.stringify(graphql)).not.toContain('"decision":"go"')
    expect((await gateOf(testHost.payload, ids.phase)).decision).toBe('none')
  })

  test('anonymous readers get no gated content of an undecided phase, staff do', async () => {
    const anonymous = await api<{ docs: Array<{ title: string }> }>('GET', '/api/deliverables')
    expect(anonymous.body.docs).toEqual([])
    expect((await api('GET', `/api/deliverables/${ids.card}`)).status).toBe(404)
    const graphql = await testHost.client.graphql<{ Deliverables: { docs: unknown[] } }>('{ Deliverables { docs { title } } }')
    expect(graphql.data?.Deliverables.docs).toEqual([])
    const staff = await api<{ docs: Array<{ title: string }> }>('GET', '/api/deliverables', sessions.s1)
    expect(staff.body.docs.map(({ title }) => title)).toContain('Pocket card')
  })
})

describe('a review round', () => {
  test('opens with a snapshot of every document of the phase (ids, version ids, per-locale fingerprints) and e-mails the eligible members', async () => {
    const sentBefore = outbox.length
    const { body, status } = await api<{
      doc: {
        id: Id
        members: string[]
        number: number
        openedBy: unknown
        snapshot: { items: Array<Record<string, unknown>> }
        status: string
      }
    }>('POST', '/api/gate-rounds', sessions.s1, { dueAt: inOneHour(), gate: ids.gate, status: 'decided' })
    expect(status).toBe(201)
    ids.round = body.doc.id
    expect(body.doc).toMatchObject({ number: 1, status: 'open' })
    expect(body.doc.members.sort()).toEqual(cast.members.map(({ id }) => String(id)).sort())
    const items = body.doc.snapshot.items
    expect(items.map(({ id }) => String(id)).sort()).toEqual([String(ids.manual), String(ids.card)].sort())
    expect(items[0]).toMatchObject({
      collection: 'deliverables',
      fingerprints: expect.objectContaining({ en: expect.any(String), nl: expect.any(String) }),
      versionId: expect.anything(),
    })

    const told = outbox.slice(sentBefore).filter(({ subject }) => subject.startsWith('Gate review opened'))
    expect(told.flatMap(({ to }) => to).sort()).toEqual([cast.members[1].email, cast.members[2].email].sort())
    expect((await api('POST', '/api/gate-rounds', sessions.editor, { dueAt: inOneHour(), gate: ids.gate })).status).toBe(409)
  })

  test('nobody votes on a round they opened, non-members cannot vote, comments are required', async () => {
    const own = await api('POST', '/api/gate-votes', sessions.s1, { choice: 'approve', comment: 'Fine', round: ids.round })
    expect(own.status).toBe(403)
    expect(errorOf(own.body)).toMatch(/You opened this round/)
    for (const outsider of [sessions.editor, sessions.outsider, sessions.admin]) {
      expect((await api('POST', '/api/gate-votes', outsider, { choice: 'approve', comment: 'Fine', round: ids.round })).status).toBe(403)
    }
    const silent = await api('POST', '/api/gate-votes', sessions.s2, { choice: 'reject', round: ids.round })
    expect(silent.status).toBe(400)
    expect(errorOf(silent.body)).toMatch(/needs a comment/)
  })

  test('a member votes once, may change the vote until the round closes, and every step is logged', async () => {
    const first = await api<{ doc: { id: Id } }>('POST', '/api/gate-votes', sessions.s2, {
      choice: 'request-changes',
      comment: 'Fix page 3',
      round: ids.round,
    })
    expect(first.status).toBe(201)
    ids.vote = first.body.doc.id
    const twice = await api('POST', '/api/gate-votes', sessions.s2, { choice: 'approve', comment: 'Again', round: ids.round })
    expect(twice.status).toBe(409)
    expect(errorOf(twice.body)).toMatch(/already voted/)
    // Someone else's vote is not theirs to change.
    expect((await api('PATCH', `/api/gate-votes/${ids.vote}`, sessions.s3, { choice: 'reject', comment: 'No' })).status).toBe(403)
    expect((await api('PATCH', `/api/gate-votes/${ids.vote}`, sessions.s2, { choice: 'approve', comment: 'Page 3 fixed' })).status).toBe(
      200,
    )

    const log = await events(testHost.payload)
    expect(log.map(({ type }) => type)).toEqual(['round-opened', 'vote-cast', 'vote-changed'])
    expect(log[2].data).toMatchObject({ choice: 'approve', previousChoice: 'request-changes' })
  })

  test('the last eligible vote (over GraphQL) decides go; the decision is public, the votes are not', async () => {
    const graphql = await testHost.client.graphql<{ createGateVote: { choice: string } }>(
      `mutation ($round: ${idType}!) { createGateVote(data: { round: $round, choice: approve, comment: "Ready" }) { choice } }`,
      { round: ids.round },
      sessions.s3,
    )
    expect(graphql.errors).toBeUndefined()
    const round = await api<{ outcome: string; status: string; tally: Record<string, number> }>(
      'GET',
      `/api/gate-rounds/${ids.round}`,
      sessions.editor,
    )
    expect(round.body).toMatchObject({ decidedBecause: 'all-voted', outcome: 'go', status: 'decided', tally: { approve: 2, base: 2 } })

    const phase = await api<{ gate: { decidedAt: string; decision: string } }>('GET', `/api/phases/${ids.phase}`)
    expect(phase.body.gate).toEqual({ decidedAt: expect.any(String), decision: 'go' })
    const graphqlPhase = await testHost.client.graphql<{ Phase: { gate: { decision: string } } }>(
      `query ($id: ${idType}!) { Phase(id: $id) { gate { decision decidedAt } } }`,
      { id: ids.phase },
    )
    expect(graphqlPhase.data?.Phase.gate.decision).toBe('go')
    expect((await api('GET', '/api/gate-votes')).status).toBe(403)
    expect((await api('GET', `/api/gate-rounds/${ids.round}`)).status).toBe(403)
    expect((await api('PATCH', `/api/gate-votes/${ids.vote}`, sessions.s2, { choice: 'reject', comment: 'Too late' })).status).toBe(409)
  })

  test('on go the snapshot is published and the public sees it', async () => {
    const anonymous = await api<{ docs: Array<{ title: string }> }>('GET', '/api/deliverables?sort=title')
    expect(anonymous.body.docs.map(({ title }) => title)).toEqual(['Manual', 'Pocket card'])
    expect((await events(testHost.payload)).map(({ type }) => type).slice(-3)).toEqual(['vote-cast', 'decision', 'published-on-go'])
  })
})

describe('after go', () => {
  test('content changed after the snapshot needs the next round; the snapshot content stays publishable', async () => {
    expect((await api('PATCH', `/api/deliverables/${ids.manual}?draft=true`, sessions.editor, { title: 'Manual, revised' })).status).toBe(
      200,
    )
    const changed = await api('PATCH', `/api/deliverables/${ids.manual}`, sessions.admin, { _status: 'published' })
    expect(changed.status).toBe(403)
    expect(errorOf(changed.body)).toMatch(/en content changed after the gate of phase 1 "Preparation" took its snapshot/)
    expect((await api<{ title: string }>('GET', `/api/deliverables/${ids.manual}`)).body.title).toBe('Manual')

    const back = await api('PATCH', `/api/deliverables/${ids.manual}`, sessions.editor, { _status: 'published', title: 'Manual' })
    expect(back.status).toBe(200)
  })

  test('a document that was not in the snapshot cannot be published', async () => {
    const { body, status } = await api('POST', '/api/deliverables', sessions.editor, {
      type: 'other',
      _status: 'published',
      phase: ids.phase,
      title: 'Late addition',
    })
    expect(status).toBe(403)
    expect(errorOf(body)).toMatch(/snapshot that does not contain this document/)
  })
})

describe('the next round', () => {
  test('shows what changed since the previous round, per document and locale', async () => {
    await api('PATCH', `/api/deliverables/${ids.manual}?draft=true`, sessions.editor, { title: 'Manual, second edition' })
    const { body, status } = await api<{ doc: { changesSincePreviousRound: unknown; number: number } }>(
      'POST',
      '/api/gate-rounds',
      sessions.s2,
      {
        dueAt: inOneHour(),
        gate: ids.gate,
      },
    )
    expect(status).toBe(201)
    expect(body.doc.number).toBe(2)
    expect(body.doc.changesSincePreviousRound).toEqual({
      added: [],
      changed: [{ id: String(ids.manual), collection: 'deliverables', locales: ['en'] }],
      removed: [],
    })
    // Until the new round decides, the standing decision (go, for the first snapshot) stays.
    expect((await gateOf(testHost.payload, ids.phase)).decision).toBe('go')
  })
})

describe('the decision log', () => {
  test('nobody, admins included, can edit or delete an entry through any API', async () => {
    const [entry] = await events(testHost.payload)
    expect((await api('PATCH', `/api/gate-events/${entry.id}`, sessions.admin, { type: 'decision' })).status).toBe(403)
    expect((await api('DELETE', `/api/gate-events/${entry.id}`, sessions.admin)).status).toBe(403)
    expect((await api('POST', '/api/gate-events', sessions.admin, { type: 'decision' })).status).toBe(403)
    const graphql = await testHost.client.graphql(
      `mutation ($id: ${idType}!) { deleteGateEvent(id: $id) { id } }`,
      { id: entry.id },
      sessions.admin,
    )
    expect(graphql.errors?.length).toBeGreaterThan(0)
    await expect(
      testHost.payload.update({ id: entry.id, collection: 'gate-events' as 'users', data: { type: 'decision' } as never }),
    ).rejects.toThrow(/append-only/)
    await expect(testHost.payload.delete({ id: entry.id, collection: 'gate-events' as 'users' })).rejects.toThrow(/append-only/)
    expect((await api<{ valid: boolean }>('GET', '/api/gate-events/verify', sessions.admin)).body).toMatchObject({ valid: true })
  })

  test('exports as CSV and JSON for staff only', async () => {
    const csv = await testHost.client.request('GET', '/api/gate-events/export?format=csv', { auth: sessions.editor })
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    const lines = (await csv.text()).trim().split('\r\n')
    expect(lines[0]).toBe('sequence,at,type,actor,actorName,phase,gate,round,data,prevHash,hash')
    expect(lines[1]).toMatch(/^1,.*,round-opened,/)
    const json = await api<{ events: Array<{ hash: string; type: string }> }>('GET', '/api/gate-events/export', sessions.editor)
    expect(json.body.events.map(({ type }) => type)).toContain('decision')
    expect((await api('GET', '/api/gate-events/export')).status).toBe(403)
    expect((await api('GET', '/api/gate-events/verify')).status).toBe(403)
  })

  test('tampering with a stored entry in the database makes the chain check fail and name the entry', async () => {
    const log = await events(testHost.payload)
    const target = log.find(({ type }) => type === 'vote-changed')!
    await testHost.payload.db.updateOne({
      collection: 'gate-events',
      data: { data: { ...target.data, choice: 'reject' } },
      where: { id: { equals: target.id } },
    })
    const { body } = await api<{ firstBadEntry: { id: Id; problem: string }; valid: boolean }>(
      'GET',
      '/api/gate-events/verify',
      sessions.s1,
    )
    expect(body).toMatchObject({ firstBadEntry: { id: target.id, problem: 'content-changed' }, valid: false })
  })
})
