/**
 * Two server processes on one database (issue 13, finding 21): the last votes of a round arriving
 * at once, one at each process, decide the round once, and the decision log stays one unbroken
 * chain although both processes append to it at the same time.
 */
import type { Payload } from 'payload'

import type { AuthMode } from '../helpers/host'
import type { ServerProcess } from '../helpers/serverProcess'
import type { TestUser } from '../helpers/users'
import type { Id } from './shared'

import { bootPayload, shutdownPayload } from '../helpers/payload'
import { startServerProcess } from '../helpers/serverProcess'
import { createUser } from '../helpers/users'
import { events, inOneHour, phaseWithApprovedDeliverable } from './shared'

const ROUNDS = 5

let payload: Payload
const servers: ServerProcess[] = []
let members: TestUser[]
const rounds: Id[] = []

beforeAll(async () => {
  // This process prepares the database (schema, fixtures); the two servers then share it. They start
  // one after the other: outside production each pushes the schema at start, and two started at
  // once on one SQLite file were not ready after 60 s here.
  payload = await bootPayload()
  await createUser(payload, ['admin'])
  const editor = await createUser(payload, ['editor'])
  members = [await createUser(payload, ['steering']), await createUser(payload, ['steering']), await createUser(payload, ['steering'])]
  const gates: Id[] = []
  for (let number = 1; number <= ROUNDS; number++) {
    gates.push((await phaseWithApprovedDeliverable(payload, number)).gate.id)
  }
  servers.push(await startServerProcess())
  servers.push(await startServerProcess())
  const asEditor = await servers[0].client.login(editor)
  for (const gate of gates) {
    const { body, status } = await servers[0].client.json<{ doc: { id: Id } }>('POST', '/api/gate-rounds', {
      auth: asEditor,
      body: { dueAt: inOneHour(), gate },
    })
    expect(status).toBe(201)
    rounds.push(body.doc.id)
  }
}, 180_000)

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
  await shutdownPayload(payload)
}, 60_000)

test('simultaneous last votes at two processes decide each round once; the log is one valid chain', async () => {
  const [a, b] = servers
  const sessions: AuthMode[] = await Promise.all(members.map((member) => a.client.login(member)))
  const vote = (server: ServerProcess, auth: AuthMode, round: Id) =>
    server.client.json('POST', '/api/gate-votes', { auth, body: { choice: 'approve', comment: 'Ready.', round } })
  for (const round of rounds) {
    expect((await vote(a, sessions[0], round)).status).toBe(201)
  }
  // Every round's two last votes at once, one at each process: ten requests in flight together.
  const last = await Promise.all(rounds.flatMap((round) => [vote(a, sessions[1], round), vote(b, sessions[2], round)]))
  expect(last.filter(({ status }) => status !== 201)).toEqual([])

  const log = await events(payload)
  for (const round of rounds) {
    const decisions = log.filter((entry) => entry.type === 'decision' && String((entry as { round?: string }).round) === String(round))
    expect({ decisions: decisions.length, round }).toEqual({ decisions: 1, round })
    expect(log.filter((entry) => entry.type === 'published-on-go' && String((entry as { round?: string }).round) === String(round))).toHaveLength(1)
    const stored = await payload.findByID({ id: round, collection: 'gate-rounds' as 'users', overrideAccess: true })
    expect(stored).toMatchObject({ outcome: 'go', status: 'decided' })
  }
  const sequences = log.map((entry) => (entry as unknown as { sequence: number }).sequence)
  expect(sequences).toEqual(sequences.map((_, index) => index + 1))
  const admin = await a.client.login(await createUser(payload, ['admin']))
  expect((await b.client.json('GET', '/api/gate-events/verify', { auth: admin })).body).toEqual({ count: log.length, valid: true })
}, 180_000)
