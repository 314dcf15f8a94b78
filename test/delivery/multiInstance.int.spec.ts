/**
 * The CMS as it runs at scale (docs/deployment.md): two API instances and one job worker, each its
 * own process, on one database, one Redis and one S3-compatible store (moto). What one instance
 * does, the other sees at once: no stale read after a publish has returned, one shared rate limit,
 * a webhook delivered once, a gate decision applied once, a file uploaded to one served by the other.
 */
import type { Payload } from 'payload'

import http from 'node:http'

import { closeRedisConnections } from '@/lib/redis'

import type { AuthMode } from '../helpers/host'
import type { S3Server } from '../helpers/s3Server'
import type { ServerProcess, WorkerProcess } from '../helpers/serverProcess'
import type { TestUser } from '../helpers/users'

import { createHotline } from '../helpers/content'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { type RedisServer, startRedisServer } from '../helpers/redisServer'
import { startS3Server } from '../helpers/s3Server'
import { pollUntil, startServerProcess, startWorkerProcess } from '../helpers/serverProcess'
import { createUser } from '../helpers/users'
import { events, inOneHour, phaseWithApprovedDeliverable } from '../phase-gate/shared'

type Id = number | string

let payload: Payload
let redis: RedisServer
let s3: S3Server
let a: ServerProcess
let b: ServerProcess
let worker: WorkerProcess
let editor: TestUser
let admin: TestUser
let members: TestUser[]
let gate: { deliverable: { id: Id }; gate: { id: Id }; phase: { id: Id } }
const received: Array<{ delivery: string; event: string }> = []
const receiver = http.createServer((req, res) => {
  let body = ''
  req.on('data', (chunk: Buffer) => (body += chunk.toString()))
  req.on('end', () => {
    received.push({ delivery: String(req.headers['x-jec-delivery']), event: (JSON.parse(body) as { event: string }).event })
    res.writeHead(200).end()
  })
})

beforeAll(async () => {
  redis = await startRedisServer()
  s3 = await startS3Server()
  // Before the configuration is first imported: this process (fixtures) and its children share them.
  Object.assign(process.env, { REDIS_URL: redis.url, ...s3.env })
  payload = await bootPayload()
  admin = await createUser(payload, ['admin'])
  editor = await createUser(payload, ['editor'])
  members = [await createUser(payload, ['steering']), await createUser(payload, ['steering']), await createUser(payload, ['steering'])]
  gate = await phaseWithApprovedDeliverable(payload, 1)
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  // One after the other: each pushes the schema at start outside production (see the gate's concurrency test).
  a = await startServerProcess({ env: { RUN_JOBS: 'false' } })
  b = await startServerProcess({ env: { RUN_JOBS: 'false' } })
  worker = await startWorkerProcess()
}, 240_000)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), worker?.stop()])
  await new Promise((resolve) => receiver.close(resolve))
  await closeRedisConnections()
  await shutdownPayload(payload)
  await Promise.all([redis?.stop(), s3?.stop()])
}, 60_000)

test('a publish through A is what B answers the moment the publish has returned: zero stale reads in 40 rounds', async () => {
  const hotline = await createHotline(payload, { name: 'Round 0', country: 'LT' })
  const asEditor = await a.client.login(editor)
  const single = `/api/hotlines/${hotline.id}`
  const list = '/api/hotlines?where[country][equals]=LT'
  const graphql = { query: `query { Hotlines(where: { country: { equals: LT } }) { docs { name } } }` }
  let stale = 0
  let hits = 0
  let reading = true
  // Readers on B keep its cache warm all along, so that each publish races cached answers.
  const background = (async () => {
    while (reading) {
      const response = await b.client.request('GET', single)
      await response.arrayBuffer()
      hits += response.headers.get('x-cache') === 'HIT' ? 1 : 0
    }
  })()
  for (let round = 1; round <= 40; round += 1) {
    const patched = await a.client.request('PATCH', single, { auth: asEditor, body: { name: `Round ${round}` } })
    expect(patched.status).toBe(200)
    const [one, many, viaGraphql] = await Promise.all([
      b.client.json<{ name: string }>('GET', single),
      b.client.json<{ docs: Array<{ name: string }> }>('GET', list),
      b.client.json<{ data: { Hotlines: { docs: Array<{ name: string }> } } }>('POST', '/api/graphql', { body: graphql }),
    ])
    const seen = [one.body.name, many.body.docs[0]?.name, viaGraphql.body.data.Hotlines.docs[0]?.name]
    stale += seen.filter((name) => name !== `Round ${round}`).length
    // Read twice more: the second comes from the cache, filled after the publish.
    await b.client.request('GET', single).then((response) => response.arrayBuffer())
  }
  reading = false
  await background
  expect(stale).toBe(0)
  expect(hits).toBeGreaterThan(40)
}, 120_000)

test('the rate limit is one count across both instances', async () => {
  const asAdmin = await a.client.login(admin)
  const created = await a.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', {
    auth: asAdmin,
    body: { name: 'Widget with a small quota', rateLimit: 6, scopes: ['hotlines'] },
  })
  expect(created.status).toBe(201)
  const withKey = { headers: { authorization: `API-Key ${created.body.doc.apiKey}` } }
  const statuses: number[] = []
  for (const server of [a, b, a, b, a, b]) {
    statuses.push((await server.client.request('GET', '/api/hotlines?limit=1', withKey)).status)
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200])
  const refusedAtA = await a.client.request('GET', '/api/hotlines?limit=1', withKey)
  const refusedAtB = await b.client.request('GET', '/api/hotlines?limit=1', withKey)
  expect([refusedAtA.status, refusedAtB.status]).toEqual([429, 429])
  expect(Number(refusedAtB.headers.get('retry-after'))).toBeGreaterThan(0)
})

test('a webhook for a publish through A is delivered once, by the worker', async () => {
  const asAdmin = await b.client.login(admin)
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`
  const hook = await b.client.json('POST', '/api/webhooks', {
    auth: asAdmin,
    body: { name: 'Partner site rebuild', allowPrivateNetwork: true, collections: ['partners'], events: ['publish'], url },
  })
  expect(hook.status).toBe(201)
  const asEditor = await a.client.login(editor)
  const partner = await a.client.json<{ doc: { id: Id } }>('POST', '/api/partners', {
    auth: asEditor,
    body: { name: 'Partner announced once', _status: 'published', contactEmail: 'office@example.org', contactPerson: 'Office', country: 'LV', sector: 'ngo' },
  })
  expect(partner.status).toBe(201)
  await pollUntil('the delivery', async () => received.length > 0, { timeoutMs: 30_000 })
  // Long enough for a second worker pass, or an instance, to deliver it again if it could.
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  expect(received.map(({ event }) => event)).toEqual(['publish'])
  expect(a.output() + b.output()).not.toMatch(/job run:/)
  expect(worker.output()).toMatch(/job run: \d+ succeeded/)
}, 60_000)

test('the last votes of a round, one at each instance at once, decide it once; B shows the released deliverable at once', async () => {
  const released = `/api/deliverables?where[phase][equals]=${gate.phase.id}`
  expect((await b.client.json<{ docs: unknown[] }>('GET', released)).body.docs).toEqual([])
  expect((await b.client.request('GET', released)).headers.get('x-cache')).toBe('HIT')
  const asEditor = await a.client.login(editor)
  const round = await a.client.json<{ doc: { id: Id } }>('POST', '/api/gate-rounds', { auth: asEditor, body: { dueAt: inOneHour(), gate: gate.gate.id } })
  expect(round.status).toBe(201)
  const sessions: AuthMode[] = await Promise.all(members.map((member) => a.client.login(member)))
  const vote = (server: ServerProcess, auth: AuthMode) =>
    server.client.json('POST', '/api/gate-votes', { auth, body: { choice: 'approve', comment: 'Ready.', round: round.body.doc.id } })
  expect((await vote(a, sessions[0])).status).toBe(201)
  const last = await Promise.all([vote(a, sessions[1]), vote(b, sessions[2])])
  expect(last.map(({ status }) => status)).toEqual([201, 201])
  const log = await events(payload)
  const ofRound = (type: string) => log.filter((entry) => entry.type === type && String((entry as { round?: Id }).round) === String(round.body.doc.id))
  expect(ofRound('decision')).toHaveLength(1)
  expect(ofRound('published-on-go')).toHaveLength(1)
  const after = await b.client.json<{ docs: Array<{ id: Id }> }>('GET', released)
  expect(after.body.docs.map(({ id }) => id)).toEqual([gate.deliverable.id])
}, 60_000)

test('a file uploaded through A is served by B from the shared store', async () => {
  const asEditor = await a.client.login(editor)
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n101\n%%EOF\n',
  )
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'shared-leaflet.pdf')
  form.append('_payload', JSON.stringify({ publicAsset: true }))
  const uploaded = await a.client.json<{ doc: { filename: string; url: string } }>('POST', '/api/media', { auth: asEditor, body: form })
  expect({ body: uploaded.body, status: uploaded.status }).toMatchObject({ status: 201 })
  expect(await s3.listKeys()).toContain(`media/${uploaded.body.doc.filename}`)
  // The URL names A's SERVER_URL; the path is what any instance serves.
  const served = await b.client.request('GET', new URL(uploaded.body.doc.url, b.baseUrl).pathname)
  expect(served.status).toBe(200)
  expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true)
})
