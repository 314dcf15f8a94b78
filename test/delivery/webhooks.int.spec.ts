import type { DeliveryApiContract } from '@plugins/delivery-api'
import type { ResolveHost } from '@plugins/delivery-api/utilities/webhookTargets'
import type { AddressInfo } from 'node:net'
import type { CollectionSlug } from 'payload'

import { webhookNetwork } from '@plugins/delivery-api/utilities/webhookTargets'
import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'

import type { TestHost } from '../helpers/host'

import { createHotline, createPhase, releasePhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { snapshotCollections } from '../helpers/hostile'
import { createUser } from '../helpers/users'

process.env.WEBHOOK_RETRY_DELAY_MS = '200'

type Received = { at: number; body: string; headers: http.IncomingHttpHeaders }

let testHost: TestHost
let admin: { token: string }
let editor: { token: string }
let receiver: http.Server
let receiverUrl: string
const received: Received[] = []
let answerWith = 200

beforeAll(async () => {
  testHost = await startTestHost()
  admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received.push({ at: Date.now(), body, headers: req.headers })
      res.statusCode = answerWith
      res.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
})

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve))
  await testHost.stop()
})

beforeEach(async () => {
  received.length = 0
  answerWith = 200
  await testHost.payload.delete({ collection: 'payload-jobs', overrideAccess: true, where: {} })
  await testHost.payload.delete({ collection: 'webhook-deliveries', overrideAccess: true, where: {} })
  const { errors } = await testHost.payload.delete({ collection: 'webhooks', overrideAccess: true, where: {} })
  expect(errors).toEqual([])
})

/** The recipe in docs/api.md, written out independently of the CMS's own code. */
function verifyAsAReceiverWould(secret: string, header: string, body: string): boolean {
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('='))) as { t: string; v1: string }
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest()
  const given = Buffer.from(v1, 'hex')
  return Math.abs(Date.now() / 1000 - Number(t)) < 300 && given.length === expected.length && timingSafeEqual(given, expected)
}

async function createWebhook(data: Record<string, unknown>) {
  return testHost.client.json<{ doc: { id: number | string; secret: string } }>('POST', '/api/webhooks', {
    auth: admin,
    body: { name: 'Site rebuild', allowPrivateNetwork: true, events: ['publish', 'unpublish', 'delete'], url: receiverUrl, ...data },
  })
}

const runJobsUntil = async (done: () => Promise<boolean>, timeoutMs = 15_000) => {
  const started = Date.now()
  while (!(await done())) {
    if (Date.now() - started > timeoutMs) {
      throw new Error('jobs did not finish in time')
    }
    await testHost.payload.jobs.run({ limit: 20 })
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

type DeliveryRow = {
  attempts: number
  body: { collection?: string; data: Record<string, unknown>; event: string; id: number | string }
  event: string
  lastError?: string
  status: string
}
const deliveries = async () =>
  (await testHost.payload.find({ collection: 'webhook-deliveries', overrideAccess: true, sort: 'createdAt' })).docs as unknown as DeliveryRow[]

const jobCount = async () => (await testHost.payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs

describe('webhook targets', () => {
  test.each([
    ['loopback', 'http://127.0.0.1:9/hook'],
    ['localhost', 'http://localhost/hook'],
    ['cloud metadata (link-local)', 'http://169.254.169.254/latest/meta-data/'],
    ['a private network', 'http://192.168.0.10/hook'],
  ])('a %s target is refused unless private targets are explicitly allowed', async (_label, url) => {
    const { body, status } = await createWebhook({ allowPrivateNetwork: false, url })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/non-public address/)
  })

  test('only admins manage webhooks', async () => {
    const { status } = await testHost.client.json('POST', '/api/webhooks', { auth: editor, body: { name: 'x', events: ['publish'], url: 'https://example.org/h' } })
    expect(status).toBe(403)
  })
})

describe('webhook deliveries', () => {
  test('publishing sends a signed POST that verifies with the documented recipe', async () => {
    const { body: created, status } = await createWebhook({ collections: ['hotlines'] })
    expect(status).toBe(201)
    expect(created.doc.secret).toMatch(/^whsec_/)

    const hotline = await testHost.client.json<{ doc: { id: number | string } }>('POST', '/api/hotlines', {
      auth: editor,
      body: { name: 'Child Focus', _status: 'published', country: 'BE', phone: '+3232011690' },
    })
    expect(hotline.status).toBe(201)
    await runJobsUntil(async () => received.length === 1)
    expect(await deliveries()).toHaveLength(1)

    const [message] = received
    expect(verifyAsAReceiverWould(created.doc.secret, String(message!.headers['x-jec-signature']), message!.body)).toBe(true)
    expect(verifyAsAReceiverWould('whsec_wrong', String(message!.headers['x-jec-signature']), message!.body)).toBe(false)
    expect(JSON.parse(message!.body)).toMatchObject({ id: hotline.body.doc.id, collection: 'hotlines', event: 'publish' })
    expect((await deliveries())[0]).toMatchObject({ attempts: 1, status: 'succeeded' })
  })

  test('draft saves send nothing; unpublish and the delete of a public document are announced', async () => {
    await createWebhook({})
    const draft = await testHost.client.json<{ doc: { id: number | string } }>('POST', '/api/phases?draft=true', {
      auth: editor,
      body: { number: 1, title: 'Planning Phase' },
    })
    await testHost.client.json('PATCH', `/api/phases/${draft.body.doc.id}?draft=true`, { auth: editor, body: { title: 'Planning' } })
    expect(await deliveries()).toEqual([])

    await testHost.client.json('PATCH', `/api/phases/${draft.body.doc.id}`, { auth: editor, body: { _status: 'published' } })
    await testHost.client.json('PATCH', `/api/phases/${draft.body.doc.id}`, { auth: editor, body: { _status: 'draft' } })
    await testHost.client.json('PATCH', `/api/phases/${draft.body.doc.id}`, { auth: editor, body: { _status: 'published' } })
    await testHost.client.json('DELETE', `/api/phases/${draft.body.doc.id}`, { auth: editor })
    expect((await deliveries()).map((delivery) => delivery.event)).toEqual(['publish', 'unpublish', 'publish', 'delete'])
    // Nothing reserved is left behind.
    expect((await deliveries()).map((delivery) => delivery.status)).not.toContain('held')
  })

  test('a document that never was public is not announced when deleted', async () => {
    await createWebhook({})
    const draft = await testHost.client.json<{ doc: { id: number | string } }>('POST', '/api/phases?draft=true', {
      auth: editor,
      body: { number: 2, title: 'Never published' },
    })
    expect((await testHost.client.json('DELETE', `/api/phases/${draft.body.doc.id}`, { auth: editor })).status).toBe(200)
    expect(await deliveries()).toEqual([])
    expect(await jobCount()).toBe(0)
  })

  test('a failing receiver is retried with growing delays and given up after 5 attempts', async () => {
    answerWith = 500
    await createWebhook({})
    await testHost.client.json('POST', '/api/partners', { auth: editor, body: { name: 'Payoke', _status: 'published', country: 'BE', sector: 'ngo' } })
    await runJobsUntil(async () => (await deliveries())[0]?.status === 'failed', 20_000)

    expect(received).toHaveLength(5)
    const gaps = received.slice(1).map((message, index) => message.at - received[index]!.at)
    expect(gaps[3]!).toBeGreaterThan(gaps[0]!)
    expect((await deliveries())[0]).toMatchObject({ attempts: 5, lastError: 'Receiver answered 500.', status: 'failed' })

    await testHost.payload.jobs.run({ limit: 20 })
    expect(received).toHaveLength(5)
  })
})

describe('only what the public can see reaches subscribers (finding 11)', () => {
  test('an internal report is not announced when published, edited or deleted; made public it is, made internal again it is gone', async () => {
    await createWebhook({ collections: ['reports'] })
    const created = await testHost.client.json<{ doc: { id: number | string; slug: string } }>('POST', '/api/reports', {
      auth: editor,
      body: { type: 'evaluation-report', _status: 'published', title: 'Internal review of the referral process', visibility: 'internal' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    await testHost.client.json('PATCH', `/api/reports/${id}`, { auth: editor, body: { title: 'Internal review, second draft' } })
    // Before: each of these saves queued a publish carrying the internal report's id and slug.
    expect(await deliveries()).toEqual([])

    await testHost.client.json('PATCH', `/api/reports/${id}`, { auth: editor, body: { visibility: 'public' } })
    await testHost.client.json('PATCH', `/api/reports/${id}`, { auth: editor, body: { title: 'A title nobody outside saw', visibility: 'internal' } })
    const [published, gone] = await deliveries()
    expect(published?.body).toMatchObject({ id, collection: 'reports', data: { id, slug: expect.any(String) }, event: 'publish' })
    // Gone from public view: named by its id only, nothing of what it has become.
    expect(gone?.body).toMatchObject({ id, collection: 'reports', data: { id }, event: 'unpublish' })
    expect(Object.keys(gone!.body.data)).toEqual(['id'])

    expect((await testHost.client.json('DELETE', `/api/reports/${id}`, { auth: editor })).status).toBe(200)
    expect(await deliveries()).toHaveLength(2)
  })

  test('gated content is announced only once its phase is released', async () => {
    await createWebhook({ collections: ['deliverables'] })
    const phase = await createPhase(testHost.payload, { number: 4, title: 'Phase under review' })
    await testHost.payload.delete({ collection: 'webhook-deliveries', overrideAccess: true, where: {} })
    // The system's own publish (as the gate's snapshot publish on `go` does), before the release.
    const deliverable = await testHost.payload.create({
      collection: 'deliverables',
      data: { type: 'pocket-card', _status: 'published', phase: phase.id, title: 'Card awaiting the steering group' } as never,
      overrideAccess: true,
    })
    expect(await deliveries()).toEqual([])

    await releasePhase(testHost.payload, phase.id)
    await testHost.payload.update({ id: deliverable.id, collection: 'deliverables', data: { title: 'Pocket card' }, overrideAccess: true })
    expect((await deliveries()).map(({ body }) => [body.event, body.id])).toEqual([['publish', deliverable.id]])
  })
})

describe('events other plugins emit (finding 11)', () => {
  // The contract the phase gate announces its decisions through, called as it does. What a
  // decision may say (only a `go` says which) is the gate's call: test/phase-gate/lifecycle.
  const emit = (announcement: Omit<Parameters<DeliveryApiContract['emit']>[0], 'req'>) =>
    (testHost.payload.config.custom.deliveryApi as DeliveryApiContract).emit({ ...announcement, req: { context: {}, payload: testHost.payload } as never })

  test('reach subscribers only for a document the public can read, with the data as emitted', async () => {
    await createWebhook({ events: ['gate-decision'] })
    const draftPhase = await createPhase(testHost.payload, { _status: 'draft', number: 3, title: 'Draft phase' })
    const phase = await createPhase(testHost.payload, { number: 5, title: 'Public phase' })
    const decidedAt = new Date().toISOString()
    expect(await emit({ id: draftPhase.id, collection: 'phases', data: { decidedAt, decision: 'go', round: 1 }, event: 'gate-decision' })).toBe(0)
    expect(await emit({ id: phase.id, collection: 'phases', data: { decidedAt, decision: 'withheld' }, event: 'gate-decision' })).toBe(1)
    await emit({ id: phase.id, collection: 'phases', data: { decidedAt, decision: 'go', round: 3 }, event: 'gate-decision' })
    expect((await deliveries()).map(({ body }) => [body.id, body.data])).toEqual([
      [phase.id, { decidedAt, decision: 'withheld' }],
      [phase.id, { decidedAt, decision: 'go', round: 3 }],
    ])
  })
})

describe('restoring a version (finding 14)', () => {
  const versionOf = async (id: number | string, name: string) => {
    const { docs } = await testHost.payload.findVersions({
      collection: 'hotlines',
      overrideAccess: true,
      where: { and: [{ parent: { equals: id } }, { 'version.name': { equals: name } }, { 'version._status': { equals: 'published' } }] },
    })
    return docs[0]!.id
  }

  const hotlineWithHistory = async (first: string, second: string) => {
    const hotline = await createHotline(testHost.payload, { name: first })
    await testHost.payload.update({ id: hotline.id, collection: 'hotlines', data: { name: second }, overrideAccess: true })
    await testHost.payload.delete({ collection: 'payload-jobs', overrideAccess: true, where: {} })
    await testHost.payload.delete({ collection: 'webhook-deliveries', overrideAccess: true, where: {} })
    return { id: hotline.id, version: await versionOf(hotline.id, first) }
  }

  const publicName = async (id: number | string) => (await testHost.client.json<{ name: string }>('GET', `/api/hotlines/${id}`)).body.name

  test.each(['REST', 'GraphQL'])('an editor restores a published version over %s: 200, restored, one delivery sent', async (via) => {
    await createWebhook({ collections: ['hotlines'] })
    const { id, version } = await hotlineWithHistory(`Victim support line (${via})`, `Renamed line (${via})`)
    if (via === 'REST') {
      // Before: 400 ("status", "attempts" required) after the hotline had already been restored.
      const restored = await testHost.client.json('POST', `/api/hotlines/versions/${version}`, { auth: editor })
      expect(restored.status).toBe(200)
    } else {
      const restored = await testHost.client.graphql<{ restoreVersionHotline: { id: unknown; name: string } }>(
        `mutation ($id: ${typeof version === 'number' ? 'Int' : 'String'}!) { restoreVersionHotline(id: $id) { id name } }`,
        { id: version },
        editor,
      )
      expect(restored.errors).toBeUndefined()
      expect(restored.data?.restoreVersionHotline.name).toBe(`Victim support line (${via})`)
    }
    expect(await publicName(id)).toBe(`Victim support line (${via})`)
    await runJobsUntil(async () => received.length === 1)
    expect(await deliveries()).toEqual([expect.objectContaining({ attempts: 1, event: 'publish', status: 'succeeded' })])
    expect(JSON.parse(received[0]!.body)).toMatchObject({ id, collection: 'hotlines', event: 'publish' })
  })

  test('when a delivery cannot be recorded, the restore changes nothing', async () => {
    await createWebhook({ collections: ['hotlines'] })
    const { id, version } = await hotlineWithHistory('Original line', 'Current line')
    const touched: CollectionSlug[] = ['hotlines', 'webhook-deliveries', 'payload-jobs']
    const before = await snapshotCollections(testHost.payload, touched)
    // A real hook on the delivery log that refuses every write: the failure happens inside the request.
    const hooks = testHost.payload.collections['webhook-deliveries'].config.hooks
    const refuse = () => {
      throw new Error('delivery log unavailable')
    }
    hooks.beforeChange.push(refuse)
    try {
      const refused = await testHost.client.json('POST', `/api/hotlines/versions/${version}`, { auth: editor })
      expect(refused.status).toBeGreaterThanOrEqual(400)
    } finally {
      hooks.beforeChange.splice(hooks.beforeChange.indexOf(refuse), 1)
    }
    expect(await snapshotCollections(testHost.payload, touched)).toEqual(before)
    expect(await publicName(id)).toBe('Current line')
  })
})

describe('reservations of a request that failed later', () => {
  test('are never sent, and are removed once abandoned', async () => {
    await createWebhook({ collections: ['hotlines'] })
    const hotline = await createHotline(testHost.payload, { name: 'Reserved line' })
    await testHost.payload.delete({ collection: 'webhook-deliveries', overrideAccess: true, where: {} })
    await testHost.payload.delete({ collection: 'payload-jobs', overrideAccess: true, where: {} })
    // Refused by field validation, which runs after the reservation.
    const refused = await testHost.client.json('PATCH', `/api/hotlines/${hotline.id}`, { auth: editor, body: { name: '', _status: 'published' } })
    expect(refused.status).toBe(400)
    const [held] = await deliveries()
    expect(held).toMatchObject({ status: 'held' })
    await testHost.payload.jobs.run({ limit: 20 })
    expect(received).toEqual([])

    const longAgo = new Date(Date.now() - 60 * 60_000).toISOString()
    await testHost.payload.db.updateOne({ id: (held as unknown as { id: number | string }).id, collection: 'webhook-deliveries', data: { createdAt: longAgo }, req: {} })
    await testHost.client.json('PATCH', `/api/hotlines/${hotline.id}`, { auth: editor, body: { name: 'Reserved line, renamed' } })
    await runJobsUntil(async () => received.length === 1)
    expect((await deliveries()).map(({ event, status }) => [event, status])).toEqual([['publish', 'succeeded']])
  })
})

describe('DNS rebinding and redirects (finding 13)', () => {
  const systemResolver = webhookNetwork.resolveHost
  afterEach(() => {
    webhookNetwork.resolveHost = systemResolver
  })

  test('a name that resolved to a public address when checked and to loopback when connecting reaches nothing', async () => {
    const port = (receiver.address() as AddressInfo).port
    // Public for the check on save and the check before the delivery; loopback from then on.
    let lookups = 0
    webhookNetwork.resolveHost = (async () => {
      lookups += 1
      return [{ address: lookups <= 2 ? '93.184.216.34' : '127.0.0.1', family: 4 }]
    }) satisfies ResolveHost
    const { status } = await createWebhook({ allowPrivateNetwork: false, url: `http://hooks.rebind.example:${port}/hook` })
    expect(status).toBe(201)
    await testHost.client.json('POST', '/api/partners', { auth: editor, body: { name: 'Rebind test', _status: 'published', country: 'BE', sector: 'ngo' } })
    await runJobsUntil(async () => (await deliveries())[0]?.attempts === 1)

    // Before: fetch resolved the name again and posted to the loopback receiver.
    expect(received).toEqual([])
    expect(lookups).toBe(3)
    expect((await deliveries())[0]).toMatchObject({ lastError: expect.stringMatching(/127\.0\.0\.1\) at connect time/), status: 'retrying' })
  })

  test('the connection goes where the checked lookup said (a name allowed onto the private network)', async () => {
    const port = (receiver.address() as AddressInfo).port
    webhookNetwork.resolveHost = (async () => [{ address: '127.0.0.1', family: 4 }]) satisfies ResolveHost
    await createWebhook({ url: `http://receiver.internal.example:${port}/hook` })
    await testHost.client.json('POST', '/api/partners', { auth: editor, body: { name: 'Pinned', _status: 'published', country: 'BE', sector: 'ngo' } })
    await runJobsUntil(async () => received.length === 1)
    expect(received[0]!.headers.host).toBe(`receiver.internal.example:${port}`)
    expect((await deliveries())[0]).toMatchObject({ status: 'succeeded' })
  })

  test('a redirect is never followed', async () => {
    let redirectedTo = 0
    const inside = http.createServer((_req, res) => {
      redirectedTo += 1
      res.end()
    })
    await new Promise<void>((resolve) => inside.listen(0, '127.0.0.1', resolve))
    const bouncer = http.createServer((req, res) => {
      req.resume()
      res.writeHead(307, { location: `http://127.0.0.1:${(inside.address() as AddressInfo).port}/admin` }).end()
    })
    await new Promise<void>((resolve) => bouncer.listen(0, '127.0.0.1', resolve))
    try {
      await createWebhook({ url: `http://127.0.0.1:${(bouncer.address() as AddressInfo).port}/hook` })
      await testHost.client.json('POST', '/api/partners', { auth: editor, body: { name: 'Bounced', _status: 'published', country: 'BE', sector: 'ngo' } })
      await runJobsUntil(async () => (await deliveries())[0]?.attempts === 1)
      expect(redirectedTo).toBe(0)
      expect((await deliveries())[0]).toMatchObject({ lastError: 'Receiver answered 307.', status: 'retrying' })
    } finally {
      await new Promise((resolve) => bouncer.close(resolve))
      await new Promise((resolve) => inside.close(resolve))
    }
  })
})
