/**
 * A server killed with SIGKILL while it carries out a gate decision (issue 13, section 4): the last
 * vote decides `go`, the snapshot's documents are being published one by one, the process dies.
 * After a restart the decision completes: every document published, the decision and the publish
 * logged once, the log one valid chain.
 */
import type { Payload } from 'payload'

import type { ServerProcess } from '../helpers/serverProcess'
import type { TestUser } from '../helpers/users'
import type { Id } from '../phase-gate/shared'

import { bootPayload, shutdownPayload } from '../helpers/payload'
import { pollUntil, startServerProcess } from '../helpers/serverProcess'
import { createUser } from '../helpers/users'
import { events, inOneHour, phaseWithApprovedDeliverable } from '../phase-gate/shared'

/** Enough documents that publishing them takes long enough to be interrupted. */
const DOCUMENTS = 80

let payload: Payload
let server: ServerProcess | undefined
let admin: TestUser
let editor: TestUser
let members: TestUser[]
let gate: Id
let phase: Id

beforeAll(async () => {
  payload = await bootPayload()
  admin = await createUser(payload, ['admin'])
  editor = await createUser(payload, ['editor'])
  members = [await createUser(payload, ['steering']), await createUser(payload, ['steering']), await createUser(payload, ['steering'])]
  const prepared = await phaseWithApprovedDeliverable(payload, 1)
  ;({ id: gate } = prepared.gate)
  ;({ id: phase } = prepared.phase)
  for (let index = 1; index < DOCUMENTS; index++) {
    await payload.create({
      collection: 'deliverables',
      data: { type: 'pocket-card', _status: 'draft', phase, title: `Manual part ${index}`, workStatus: 'approved' } as never,
      overrideAccess: true,
    })
  }
}, 300_000)

afterAll(async () => {
  await server?.stop()
  await shutdownPayload(payload)
}, 60_000)

const publishedCount = async () =>
  (await payload.count({ collection: 'deliverables', overrideAccess: true, where: { _status: { equals: 'published' } } })).totalDocs

const roundOf = async (id: Id) =>
  (await payload.findByID({ id, collection: 'gate-rounds' as 'users', overrideAccess: true })) as unknown as {
    outcome: string
    status: string
  }

test('kill -9 while a go decision publishes its snapshot: the restarted server completes it, once', async () => {
  server = await startServerProcess()
  const { client } = server
  const opened = await client.json<{ doc: { id: Id } }>('POST', '/api/gate-rounds', {
    auth: await client.login(editor),
    body: { dueAt: inOneHour(), gate },
  })
  expect(opened.status).toBe(201)
  const round = opened.body.doc.id
  const vote = async (member: TestUser) =>
    client.json('POST', '/api/gate-votes', { auth: await client.login(member), body: { choice: 'approve', comment: 'Ready.', round } })
  expect((await vote(members[0])).status).toBe(201)
  expect((await vote(members[1])).status).toBe(201)

  // The last vote decides; its request dies with the process.
  const lastVote = vote(members[2]).catch(() => 'no answer' as const)
  await pollUntil('the first document of the snapshot to be published', async () => (await publishedCount()) > 0)
  await server.kill9()
  await lastVote

  const cutShort = await publishedCount()
  expect(cutShort).toBeLessThan(DOCUMENTS)
  expect(await roundOf(round)).toMatchObject({ outcome: 'go', status: 'deciding' })

  // Started again with its job queue, as in production: the decision's lease runs out and it is
  // taken over (at start-up, or by the job queued then).
  server = await startServerProcess({ env: { RUN_JOBS: 'true' } })
  await pollUntil('the decision to be completed', async () => (await roundOf(round)).status === 'decided', { intervalMs: 250, timeoutMs: 120_000 })

  expect(await publishedCount()).toBe(DOCUMENTS)
  const log = (await events(payload)) as unknown as Array<{ round?: string; type: string }>
  const ofRound = log.filter((entry) => String(entry.round) === String(round)).map(({ type }) => type)
  expect(ofRound).toEqual(['round-opened', 'vote-cast', 'vote-cast', 'vote-cast', 'decision', 'published-on-go'])
  const asAdmin = await server.client.login(admin)
  expect((await server.client.json('GET', '/api/gate-events/verify', { auth: asAdmin })).body).toEqual({ count: log.length, valid: true })
  expect((await server.client.json<{ gate: { decision: string } }>('GET', `/api/phases/${phase}`)).body.gate.decision).toBe('go')
  console.log(`faults: gate decision killed after ${cutShort} of ${DOCUMENTS} publishes; completed after restart`)
}, 300_000)
