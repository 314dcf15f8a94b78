/**
 * The job worker (src/worker.ts) as its own processes on this file's database, fed by publishes
 * made through the test's own host: delivery, two workers side by side, a worker killed mid-job
 * and its claim reclaimed by the next, and a SIGTERM that lets the running job finish.
 */
import type { AddressInfo } from 'node:net'

import http from 'node:http'

import type { TestHost } from '../helpers/host'
import type { WorkerProcess } from '../helpers/serverProcess'

import { startTestHost } from '../helpers/host'
import { pollUntil, startWorkerProcess } from '../helpers/serverProcess'
import { createUser } from '../helpers/users'

type Worker = WorkerProcess
/** `npm run worker`'s entry on this file's database, polling every 100 ms. */
const startWorker = (env: Record<string, string> = {}) => startWorkerProcess({ env })

type Received = { answered: boolean; delivery: string; event: string }

let testHost: TestHost
let editor: { token: string }
let receiver: http.Server
let receiverUrl: string
const received: Received[] = []
/** Requests waiting for their answer while `hold` is set; calling one answers 200. */
const held: Array<() => void> = []
let hold = false
/** Workers carry over from one test to the next: a boot takes seconds, and the file must stay short. */
const workers: Worker[] = []
const takeWorker = async () => workers.pop() ?? (await startWorker())

beforeAll(async () => {
  testHost = await startTestHost()
  const admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const entry: Received = { answered: false, delivery: String(req.headers['x-jec-delivery']), event: JSON.parse(body).event }
      received.push(entry)
      const answer = () => {
        entry.answered = true
        res.end()
      }
      if (hold) {
        held.push(answer)
      } else {
        answer()
      }
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  const { status } = await testHost.client.json('POST', '/api/webhooks', {
    auth: admin,
    body: { name: 'Site rebuild', allowPrivateNetwork: true, collections: ['hotlines'], events: ['publish'], url: receiverUrl },
  })
  expect(status).toBe(201)
})

afterEach(async () => {
  held.splice(0).forEach((answer) => answer())
  hold = false
  received.length = 0
  await testHost.payload.delete({ collection: 'payload-jobs', overrideAccess: true, where: {} })
  await testHost.payload.delete({ collection: 'webhook-deliveries', overrideAccess: true, where: {} })
})

afterAll(async () => {
  for (const worker of workers.splice(0)) {
    worker.child.kill('SIGKILL')
    await worker.exited
  }
  receiver.closeAllConnections()
  await new Promise((resolve) => receiver.close(resolve))
  await testHost.stop()
})

let hotlines = 0
async function publishHotline(): Promise<void> {
  hotlines += 1
  const { status } = await testHost.client.json('POST', '/api/hotlines', {
    auth: editor,
    body: { name: `Hotline ${hotlines}`, _status: 'published', country: 'BE', phone: '+3232011690' },
  })
  expect(status).toBe(201)
}

const jobs = async () => (await testHost.payload.find({ collection: 'payload-jobs', depth: 0, overrideAccess: true, pagination: false })).docs
const deliveryStatuses = async () =>
  (await testHost.payload.find({ collection: 'webhook-deliveries', depth: 0, overrideAccess: true, pagination: false })).docs.map(
    (delivery) => (delivery as unknown as { status: string }).status,
  )

test('two workers deliver the webhooks of publishes made through the API, each exactly once', async () => {
  workers.push(...(await Promise.all([startWorker(), startWorker()])))
  await publishHotline()
  await publishHotline()
  await publishHotline()

  await pollUntil('every delivery to succeed', async () => (await deliveryStatuses()).join() === 'succeeded,succeeded,succeeded', { timeoutMs: 20_000 })
  // Payload deletes a job once it has completed.
  await pollUntil('every job to complete', async () => (await jobs()).length === 0)
  // A few more polls of both workers: nothing is sent again.
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect(received).toHaveLength(3)
  expect(new Set(received.map((message) => message.delivery)).size).toBe(3)
  expect(received.every((message) => message.answered && message.event === 'publish')).toBe(true)
  expect(workers.map((worker) => worker.output()).join('')).toMatch(/job run: 1 succeeded, 0 failed, 0 reclaimed/)

  const idle = workers.pop()!
  idle.child.kill('SIGTERM')
  expect(await idle.exited).toEqual({ code: 0, signal: null })
})

test('a worker killed mid-delivery leaves a claim that the next worker reclaims after JOB_CLAIM_TIMEOUT_MS and delivers', async () => {
  hold = true
  const first = await takeWorker()
  await publishHotline()
  await pollUntil('the first attempt to reach the receiver', async () => received.length === 1)
  expect(await jobs()).toMatchObject([{ processing: true, totalTried: 0 }])

  first.child.kill('SIGKILL')
  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' })
  held.splice(0)
  hold = false
  // Still claimed by a process that is gone: without recovery it would wait for good.
  expect(await jobs()).toMatchObject([{ processing: true }])

  const second = await startWorker({ JOB_CLAIM_TIMEOUT_MS: '1000' })
  workers.push(second)
  // The delivery is marked before its job completes (and is deleted, as Payload does with completed jobs).
  await pollUntil('the job to complete', async () => (await jobs()).length === 0, { timeoutMs: 20_000 })

  // Two requests reached the receiver with the same delivery id; only the second was answered.
  expect(received.map(({ answered, delivery }) => ({ answered, delivery }))).toEqual([
    { answered: false, delivery: received[0]!.delivery },
    { answered: true, delivery: received[0]!.delivery },
  ])
  // The cut attempt never got to write to the delivery: its log counts the attempt that got through.
  expect((await testHost.payload.find({ collection: 'webhook-deliveries', depth: 0, overrideAccess: true })).docs).toMatchObject([
    { attempts: 1, status: 'succeeded' },
  ])
  expect(second.output()).toMatch(/reclaimed after a stopped run; queued again/)
})

test('SIGTERM lets the running job finish, takes no new one, and the worker exits 0', async () => {
  hold = true
  const worker = await takeWorker()
  await publishHotline()
  await pollUntil('the delivery to reach the receiver', async () => held.length === 1)

  worker.child.kill('SIGTERM')
  await pollUntil('the worker to hear the signal', async () => worker.output().includes('SIGTERM received'))
  await publishHotline()
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(worker.child.exitCode).toBeNull()

  held.splice(0).forEach((answer) => answer())
  expect(await worker.exited).toEqual({ code: 0, signal: null })
  expect(received).toHaveLength(1)
  expect(received[0]!.answered).toBe(true)
  // The finished job is gone (completed); the one queued after the signal waits, unclaimed, for the next worker.
  expect(await jobs()).toMatchObject([{ processing: false, totalTried: 0 }])
})
