/**
 * The real pair: the translation workflow and the phase gate as the project configures them (no
 * stub). The gate registers a publish guard in the workflow's contract (`publishGuards`); an
 * approval asks it with the task's locale, so an nl approval is judged for nl only.
 */
import type { PublishGuard, TranslationWorkflowContract } from '@plugins/translation-workflow'

import type { AuthMode, TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { gateOf, inOneHour, phaseWithApprovedDeliverable } from '../phase-gate/shared'
import { taskOf, transition } from './shared'

let testHost: TestHost
let nl1: AuthMode
let nl2: AuthMode
let steering: AuthMode[]

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  nl1 = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  nl2 = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  steering = [
    await client.login(await createUser(payload, ['steering'])),
    await client.login(await createUser(payload, ['steering'])),
    await client.login(await createUser(payload, ['steering'])),
  ]
})

afterAll(async () => {
  await testHost.stop()
})

const guards = (): PublishGuard[] => (testHost.payload.config.custom.translationWorkflow as TranslationWorkflowContract).publishGuards

/** nl1 claims the deliverable's nl task, translates its title and submits; nl2 approves. */
const translateAndApprove = async (id: number | string, title: string) => {
  const task = await taskOf(testHost.payload, 'deliverables', id, 'nl')
  expect((await transition(testHost, task.id, 'claim', nl1)).status).toBe(200)
  expect((await testHost.client.json('PATCH', `/api/deliverables/${id}?locale=nl`, { auth: nl1, body: { title } })).status).toBe(200)
  expect((await transition(testHost, task.id, 'submit', nl1)).status).toBe(200)
  const approved = await transition(testHost, task.id, 'approve', nl2)
  expect(approved.status).toBe(200)
  return approved.body.doc as { publishBlockedReason: null | string; publishedAt: null | string; status: string }
}

const publicNlTitle = async (id: number | string) =>
  (await testHost.client.json('GET', `/api/deliverables/${id}?locale=nl&fallback-locale=none`)).body.title ?? null

test('the phase gate is registered as a publish guard of the workflow', () => {
  expect(guards().length).toBeGreaterThan(0)
})

test('an nl approval in a phase whose gate is not approved is held back, judged for nl only; once the gate says go it publishes, and a document outside the approved snapshot waits', async () => {
  const { payload } = testHost
  const { deliverable, gate, phase } = await phaseWithApprovedDeliverable(payload, 3)
  const asked: string[] = []
  const registered = [...guards()]
  // Watch what the real guards are asked, without changing their answers.
  guards().splice(
    0,
    guards().length,
    ...registered.map((guard): PublishGuard => (args) => (asked.push(args.locale), guard(args))),
  )
  try {
    const held = await translateAndApprove(deliverable.id, 'Zakkaart 3')
    expect(held).toMatchObject({ publishedAt: null, status: 'approved' })
    expect(held.publishBlockedReason).toMatch(/decision is "none"/)
    expect(asked.every((locale) => locale === 'nl')).toBe(true)
    expect(await publicNlTitle(deliverable.id)).toBeNull()

    // The sv task is still untranslated: it does not hold nl back once the gate opens.
    expect((await taskOf(payload, 'deliverables', deliverable.id, 'sv')).status).toBe('untranslated')
    const round = await testHost.client.json('POST', '/api/gate-rounds', { auth: steering[0], body: { dueAt: inOneHour(), gate: gate.id } })
    expect(round.status).toBe(201)
    for (const member of steering.slice(1)) {
      const vote = await testHost.client.json('POST', '/api/gate-votes', {
        auth: member,
        body: { choice: 'approve', comment: 'Good', round: (round.body as { doc: { id: number | string } }).doc.id },
      })
      expect(vote.status).toBe(201)
    }
    expect((await gateOf(payload, phase.id)).decision).toBe('go')
    expect(await publicNlTitle(deliverable.id)).toBe('Zakkaart 3')

    // A deliverable added after the go is not in the approved snapshot: its nl approval waits for
    // the next review round, whatever the phase's gate said.
    const later = await payload.create({
      collection: 'deliverables',
      data: { type: 'pocket-card', _status: 'draft', phase: phase.id, title: 'Pocket card 3b', workStatus: 'approved' } as never,
      overrideAccess: true,
    })
    const published = await translateAndApprove(later.id, 'Zakkaart 3b')
    expect(published).toMatchObject({ publishedAt: null, status: 'approved' })
    expect(published.publishBlockedReason).toMatch(/does not contain this document; it needs the next review round/)
    expect(asked.every((locale) => locale === 'nl')).toBe(true)
  } finally {
    guards().splice(0, guards().length, ...registered)
  }
})
