import { createLocalReq } from 'payload'

import { outbox } from '@/lib/email'

import type { TranslationWorkflowContract } from '../../plugins/translation-workflow'
import type { TestHost } from '../helpers/host'
import type { Cast, Id, Sessions } from './shared'

import { createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createCast, events, gateOf, inOneHour, phaseWithApprovedDeliverable } from './shared'

let testHost: TestHost
let cast: Cast
let sessions: Sessions
const phases: Record<number, { deliverable: Id; gate: Id; phase: Id }> = {}

beforeAll(async () => {
  testHost = await startTestHost()
  ;({ cast, sessions } = await createCast(testHost))
  for (const number of [1, 2, 3]) {
    const made = await phaseWithApprovedDeliverable(testHost.payload, number)
    phases[number] = { deliverable: made.deliverable.id, gate: made.gate.id, phase: made.phase.id }
  }
})

afterAll(async () => {
  await testHost.stop()
})

const api = <T = Record<string, unknown>>(method: string, path: string, auth?: Sessions[keyof Sessions], body?: object) =>
  testHost.client.json<T & { errors?: Array<{ message: string }> }>(method, path, { auth, body })

const errorOf = (body: { errors?: Array<{ message: string }> }) => body.errors?.map(({ message }) => message).join(' ') ?? ''

const sentSince = (index: number, subject: RegExp) =>
  outbox
    .slice(index)
    .filter((mail) => subject.test(mail.subject))
    .flatMap(({ to }) => to)
    .sort()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a round that reaches its due date', () => {
  let round: Id
  let dueAt: Date

  test('recusals count as answered: the reminder job e-mails only members who have not voted', async () => {
    dueAt = new Date(Date.now() + 3_000)
    const opened = await api<{ doc: { id: Id } }>('POST', '/api/gate-rounds', sessions.editor, {
      dueAt: dueAt.toISOString(),
      gate: phases[1].gate,
    })
    expect(opened.status).toBe(201)
    round = opened.body.doc.id
    const recusal = await api('POST', '/api/gate-votes', sessions.s1, { choice: 'recuse', comment: 'My employer wrote the manual.', round })
    expect(recusal.status).toBe(201)

    const before = outbox.length
    // The reminder is due 48 h before a date 3 s away, so it runs now; the closing check waits.
    await testHost.payload.jobs.run({ limit: 50 })
    expect(sentSince(before, /^Reminder/)).toEqual([cast.members[1].email, cast.members[2].email].sort())
    expect((await api<{ status: string }>('GET', `/api/gate-rounds/${round}`, sessions.editor)).body.status).toBe('open')
  })

  test('when the due date passes, the queued job decides: hold, quorum not reached; editors and members are told', async () => {
    await sleep(Math.max(0, dueAt.getTime() - Date.now() + 200))
    const late = await api('POST', '/api/gate-votes', sessions.s2, { choice: 'approve', comment: 'Late', round })
    expect(late.status).toBe(409)
    const before = outbox.length
    await testHost.payload.jobs.run({ limit: 50 })
    const decided = await api<Record<string, unknown>>('GET', `/api/gate-rounds/${round}`, sessions.editor)
    expect(decided.body).toMatchObject({
      decidedBecause: 'due-date',
      decisionReason: 'quorum-not-reached',
      outcome: 'hold',
      status: 'decided',
      tally: { base: 2, eligible: 3, recuse: 1 },
    })
    expect((await gateOf(testHost.payload, phases[1].phase)).decision).toBe('hold')
    expect(sentSince(before, /^Gate decision for phase 1/)).toEqual(
      [cast.admin.email, cast.editor.email, ...cast.members.map(({ email }) => email)].sort(),
    )
    const types = (await events(testHost.payload)).map(({ type }) => type)
    expect(types).toEqual(['round-opened', 'recusal', 'decision'])
  })
})

describe('phase sequencing', () => {
  test('phase 2 cannot become active while phase 1 holds; an admin may override with a reason, which is logged', async () => {
    const editor = await api('PATCH', `/api/phases/${phases[2].phase}`, sessions.editor, { status: 'active' })
    expect(editor.status).toBe(403)
    expect(errorOf(editor.body)).toMatch(/cannot become active before phase 1 .* has passed its gate \(its decision is "hold"\)/)
    expect((await api('PATCH', `/api/phases/${phases[2].phase}`, sessions.admin, { status: 'active' })).status).toBe(403)
    expect(
      (await api('PATCH', `/api/phases/${phases[2].phase}`, sessions.admin, { gateOverrideReason: '   ', status: 'active' })).status,
    ).toBe(403)

    const overridden = await api('PATCH', `/api/phases/${phases[2].phase}`, sessions.admin, {
      gateOverrideReason: 'Funder asked to start the pilots now.',
      status: 'active',
    })
    expect(overridden.status).toBe(200)
    const entry = (await events(testHost.payload)).at(-1)!
    expect(entry).toMatchObject({
      type: 'sequence-override',
      data: { previousDecision: 'hold', reason: 'Funder asked to start the pilots now.' },
    })
  })
})

describe('a decision override', () => {
  test('only an admin may override, only with a written reason; it becomes the gate decision and is logged as an override', async () => {
    const { docs } = await testHost.payload.find({
      collection: 'gate-rounds' as 'users',
      overrideAccess: true,
      where: { gate: { equals: phases[1].gate } },
    })
    const round = docs[0].id
    expect((await api('PATCH', `/api/gate-rounds/${round}`, sessions.s2, { override: { outcome: 'go', reason: 'I say so' } })).status).toBe(
      403,
    )
    const unexplained = await api('PATCH', `/api/gate-rounds/${round}`, sessions.admin, { override: { outcome: 'go', reason: '' } })
    expect(unexplained.status).toBe(400)
    expect(errorOf(unexplained.body)).toMatch(/needs a written reason/)
    expect((await gateOf(testHost.payload, phases[1].phase)).decision).toBe('hold')

    await testHost.payload.create({
      collection: 'webhooks' as 'users',
      data: { name: 'Funder dashboard', allowPrivateNetwork: true, events: ['gate-decision'], url: 'http://127.0.0.1:9/hook' } as never,
      overrideAccess: true,
    })
    const done = await api<{ doc: Record<string, unknown> }>('PATCH', `/api/gate-rounds/${round}`, sessions.admin, {
      decisionReason: 'forged',
      override: { outcome: 'go', reason: 'Steering group agreed by phone; minutes follow.' },
    })
    expect(done.status).toBe(200)
    expect(done.body.doc).toMatchObject({
      decidedBecause: 'override',
      decisionReason: 'override',
      outcome: 'go',
      override: { by: expect.objectContaining({ id: cast.admin.id }), outcome: 'go' },
    })
    expect((await gateOf(testHost.payload, phases[1].phase)).decision).toBe('go')
    // The delivery API, when present, announces the decision to subscribed webhooks.
    const { docs: deliveries } = await testHost.payload.find({
      collection: 'webhook-deliveries' as 'users',
      overrideAccess: true,
      where: { event: { equals: 'gate-decision' } },
    })
    expect(deliveries.map((delivery) => (delivery as unknown as { body: { data: unknown } }).body.data)).toEqual([
      expect.objectContaining({ decision: 'go', round: 1 }),
    ])
    expect((await events(testHost.payload)).at(-2)).toMatchObject({
      type: 'decision-override',
      data: { outcome: 'go', reason: 'Steering group agreed by phone; minutes follow.', replaced: 'hold' },
    })
  })
})

describe('recycle', () => {
  test('a request for changes recycles the phase; its comments go to the steering group, the editors learn the decision only', async () => {
    const opened = await api<{ doc: { id: Id } }>('POST', '/api/gate-rounds', sessions.editor, { dueAt: inOneHour(), gate: phases[2].gate })
    const round = opened.body.doc.id
    const before = outbox.length
    await api('POST', '/api/gate-votes', sessions.s1, { choice: 'request-changes', comment: 'Add the Romanian hotline.', round })
    await api('POST', '/api/gate-votes', sessions.s2, { choice: 'approve', comment: 'Fine by me.', round })
    await api('POST', '/api/gate-votes', sessions.s3, { choice: 'abstain', round })
    const decided = await api<Record<string, unknown>>('GET', `/api/gate-rounds/${round}`, sessions.editor)
    expect(decided.body).toMatchObject({ decisionReason: 'changes-requested', outcome: 'recycle', status: 'decided' })
    expect(decided.body).not.toHaveProperty('comments')
    const asMember = await api<Record<string, unknown>>('GET', `/api/gate-rounds/${round}`, sessions.s2)
    expect(asMember.body.comments).toEqual(
      expect.arrayContaining([expect.objectContaining({ choice: 'request-changes', comment: 'Add the Romanian hotline.' })]),
    )
    const mailTo = (email: string) =>
      outbox.slice(before).find(({ subject, to }) => subject.startsWith('Gate decision for phase 2') && to.includes(email))
    expect(mailTo(cast.members[1].email)?.text).toMatch(/decided "recycle".*Comments:\n.*- request-changes: Add the Romanian hotline\./s)
    expect(mailTo(cast.editor.email)?.text).toMatch(/decided "recycle"/)
    expect(mailTo(cast.editor.email)?.text).not.toMatch(/Romanian|request-changes:/)
    expect((await gateOf(testHost.payload, phases[2].phase)).decision).toBe('recycle')
    // Subscribers (the funder dashboard above) learn that a decision was taken, not which.
    const { docs: deliveries } = await testHost.payload.find({
      collection: 'webhook-deliveries' as 'users',
      overrideAccess: true,
      sort: '-createdAt',
      where: { event: { equals: 'gate-decision' } },
    })
    expect((deliveries[0] as unknown as { body: { data: unknown; id: unknown } }).body).toMatchObject({
      id: phases[2].phase,
      data: { decidedAt: expect.any(String), decision: 'withheld' },
    })
  })
})

describe('kill', () => {
  test('withdraws the phase content from the public', async () => {
    const title = (await testHost.payload.findByID({ id: phases[1].deliverable, collection: 'deliverables', overrideAccess: true })).title
    const visible = async () =>
      (await api<{ docs: Array<{ title: string }> }>('GET', '/api/deliverables')).body.docs.map((doc) => doc.title)
    // The override to go above published phase 1's snapshot.
    expect(await visible()).toContain(title)
    const { docs } = await testHost.payload.find({
      collection: 'gate-rounds' as 'users',
      overrideAccess: true,
      where: { gate: { equals: phases[1].gate } },
    })
    const killed = await api('PATCH', `/api/gate-rounds/${docs[0].id}`, sessions.admin, {
      override: { outcome: 'kill', reason: 'Funding withdrawn.' },
    })
    expect(killed.status).toBe(200)
    expect(await visible()).not.toContain(title)
    expect((await api<{ gate: { decision: string } }>('GET', `/api/phases/${phases[1].phase}`)).body.gate.decision).toBe('kill')
  })
})

describe('one request', () => {
  test('that decides a gate reads the new decision afterwards, not the one it read first', async () => {
    const phase = await createPhase(testHost.payload, { number: 4 })
    const gate = await gateOf(testHost.payload, phase.id)
    const req = await createLocalReq({}, testHost.payload)
    const decisionOfPhase = async () =>
      ((await testHost.payload.findByID({ id: phase.id, collection: 'phases', req })) as unknown as { gate: { decision: string } }).gate
        .decision
    expect(await decisionOfPhase()).toBe('none')
    await testHost.payload.update({
      id: gate.id,
      collection: 'gates',
      data: { decidedAt: new Date().toISOString(), decision: 'go' },
      overrideAccess: true,
      req,
    })
    expect(await decisionOfPhase()).toBe('go')
  })
})

describe('deleting a phase', () => {
  test('takes an unreviewed gate with it, and is refused once the gate has review history', async () => {
    const reviewed = await api('DELETE', `/api/phases/${phases[1].phase}`, sessions.editor)
    expect(reviewed.status).toBe(409)
    expect(errorOf(reviewed.body)).toMatch(/has been reviewed at its gate/)
    const fresh = await createPhase(testHost.payload, { number: 5, status: 'planned' })
    expect((await api('DELETE', `/api/phases/${fresh.id}`, sessions.editor)).status).toBe(200)
    expect(await gateOf(testHost.payload, fresh.id)).toBeUndefined()
  })
})

describe('composition with the translation workflow', () => {
  // The gate's check as the workflow calls it before publishing an approved locale.
  const guard = () => (testHost.payload.config.custom.translationWorkflow as TranslationWorkflowContract).publishGuards[0]!

  test('publishes the source and the approved nl translation on go, never the unapproved sv one', async () => {
    const { payload } = testHost
    const id = phases[3].deliverable
    await payload.update({
      id,
      collection: 'deliverables',
      data: { title: 'Zakkaart 3' } as never,
      draft: true,
      locale: 'nl',
      overrideAccess: true,
    })
    await payload.update({
      id,
      collection: 'deliverables',
      data: { title: 'Fickkort 3' } as never,
      draft: true,
      locale: 'sv',
      overrideAccess: true,
    })
    await payload.update({
      collection: 'translation-tasks' as 'users',
      data: { status: 'approved' } as never,
      overrideAccess: true,
      where: { and: [{ documentId: { equals: String(id) } }, { locale: { equals: 'nl' } }] },
    })
    const req = await createLocalReq({}, payload)
    expect(await guard()({ id, collection: 'deliverables', locale: 'nl', req })).toMatch(/decision is "none"/)

    const round = await api<{ doc: { id: Id } }>('POST', '/api/gate-rounds', sessions.s1, { dueAt: inOneHour(), gate: phases[3].gate })
    expect(round.status).toBe(201)
    for (const member of [sessions.s2, sessions.s3]) {
      expect((await api('POST', '/api/gate-votes', member, { choice: 'approve', comment: 'Good', round: round.body.doc.id })).status).toBe(
        201,
      )
    }
    expect((await gateOf(payload, phases[3].phase)).decision).toBe('go')

    const published = (await payload.findByID({
      id,
      collection: 'deliverables',
      draft: false,
      locale: 'all',
      overrideAccess: true,
    })) as unknown as {
      _status: string
      title: Record<string, string>
    }
    expect(published._status).toBe('published')
    expect(published.title).toEqual({ en: 'Pocket card 3', nl: 'Zakkaart 3' })
    const sv = await api<{ title: string }>('GET', `/api/deliverables/${id}?locale=sv&fallback-locale=none`)
    expect(sv.body.title ?? null).toBeNull()
    expect((await api<{ title: string }>('GET', `/api/deliverables/${id}?locale=nl`)).body.title).toBe('Zakkaart 3')
    expect(await guard()({ id, collection: 'deliverables', locale: 'nl', req })).toBeNull()
  })
})
