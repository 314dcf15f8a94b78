import type { AddressInfo } from 'node:net'

import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'

import type { TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
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

const deliveries = async () =>
  (await testHost.payload.find({ collection: 'webhook-deliveries', overrideAccess: true, sort: 'createdAt' })).docs as unknown as Array<{
    attempts: number
    event: string
    lastError?: string
    status: string
  }>

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

  test('draft saves send nothing; unpublish and delete are announced', async () => {
    await createWebhook({})
    const draft = await testHost.client.json<{ doc: { id: number | string } }>('POST', '/api/phases?draft=true', {
      auth: editor,
      body: { number: 1, title: 'Planning Phase' },
    })
    await testHost.client.json('PATCH', `/api/phases/${draft.body.doc.id}?draft=true`, { auth: editor, body: { title: 'Planning' } })
    expect(await deliveries()).toEqual([])

    await testHost.client.json('PATCH', `/api/phases/${draft.body.doc.id}`, { auth: editor, body: { _status: 'published' } })
    await testHost.client.json('PATCH', `/api/phases/${draft.body.doc.id}`, { auth: editor, body: { _status: 'draft' } })
    await testHost.client.json('DELETE', `/api/phases/${draft.body.doc.id}`, { auth: editor })
    expect((await deliveries()).map((delivery) => delivery.event)).toEqual(['publish', 'unpublish', 'delete'])
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
