import type { CollectionSlug, Payload, TypedUser } from 'payload'

import { executeAuthStrategies } from 'payload'
import { RateLimiterMemory } from 'rate-limiter-flexible'

import type { Host } from '@/host/createHost'

import { createHost } from '@/host/createHost'

import type { DeliveryApiContract, RateLimiterFactory } from '../../../plugins/delivery-api'

import { createDeliveryBoundary } from '../../../plugins/delivery-api'
import { ApiClient } from '../../helpers/host'
import { bootMinimalPayload } from '../../helpers/minimalPayload'
import { shutdownPayload } from '../../helpers/payload'

// Slugs of the minimal config, not of this CMS: the generated types do not know them.
const slug = (name: string) => name as CollectionSlug

const config = import('./minimal.config').then((module) => module.default)
let payload: Payload
let host: Host
let client: ApiClient
const members: Partial<Record<'owner' | 'writer', TypedUser>> = {}
const password = 'correct-horse-battery'
let draft: { id: number | string }
const limiterOptions: Array<Parameters<RateLimiterFactory>[0]> = []

beforeAll(async () => {
  payload = await bootMinimalPayload(config)
  // The project's express host serves the minimal config: the boundary must find the plugin's
  // slugs and staff predicate in that config's contract.
  host = await createHost({
    apiMiddleware: [
      (booted) =>
        createDeliveryBoundary({
          corsOrigins: [],
          payload: booted,
          rateLimit: {
            createLimiter: (options) => {
              limiterOptions.push(options)
              return new RateLimiterMemory(options)
            },
            max: 1000,
            staffMax: 1000,
            windowMs: 60_000,
          },
        }),
    ],
    cacheMaxAgeSeconds: 0,
    config,
    isProduction: false,
    jsonBodyMaxBytes: 1024 * 1024,
    servedOverHttps: false,
    shutdownTimeoutMs: 2_000,
    trustProxy: 0,
  })
  const address = await host.listen(0, '127.0.0.1')
  client = new ApiClient(`http://127.0.0.1:${address.port}`)
  for (const level of ['owner', 'writer'] as const) {
    const doc = await payload.create({ collection: slug('members'), data: { email: `${level}@example.org`, level, password } as never })
    members[level] = { ...doc, collection: 'members' } as never
  }
  await payload.create({ collection: slug('articles'), data: { slug: 'out', _status: 'published', title: 'Published' } as never })
  draft = await payload.create({ collection: slug('articles'), data: { slug: 'soon', title: 'Draft' } as never, draft: true })
})

afterAll(async () => {
  await new Promise<void>((resolve) => host?.server.close(() => resolve()))
  await shutdownPayload(payload)
})

const as = (level: 'owner' | 'writer') => ({ overrideAccess: false, user: members[level] })
const withKey = (key: string) => ({ headers: { 'x-api-key': key } })
const titles = (body: unknown) => (body as { docs: Array<{ title: string }> }).docs.map(({ title }) => title)

test("the plugin's collections are registered under the configured slugs, and its contract names them", () => {
  for (const own of ['site-keys', 'site-hooks', 'site-hook-log']) {
    expect(payload.collections[slug(own)]).toBeDefined()
  }
  expect(payload.collections[slug('api-clients')]).toBeUndefined()
  const contract = payload.config.custom.deliveryApi as DeliveryApiContract
  expect(contract.options.slugs).toEqual({ apiClients: 'site-keys' })
})

test('only a member of level owner (isAdmin) manages keys and webhooks', async () => {
  await expect(payload.create({ collection: slug('site-keys'), data: { name: 'Site', scopes: ['articles'] } as never, ...as('writer') })).rejects.toThrow(
    /not allowed/,
  )
  await expect(payload.find({ collection: slug('site-hooks'), ...as('writer') })).rejects.toThrow(/not allowed/)
  await expect(payload.find({ collection: slug('site-hooks'), ...as('owner') })).resolves.toMatchObject({ totalDocs: 0 })
})

test('anonymous readers get published articles only, in bounded pages and depth; members (isStaff) are not bounded', async () => {
  const list = await client.json('GET', '/api/articles?draft=true')
  expect(list.status).toBe(200)
  expect(titles(list.body)).toEqual(['Published'])
  expect((await client.json('GET', `/api/articles/${draft.id}?draft=true`)).status).toBe(404)
  expect((await client.json('GET', '/api/articles?limit=10')).status).toBe(200)
  expect((await client.json('GET', '/api/articles?limit=1000')).status).toBe(400)
  expect((await client.json('GET', '/api/articles?pagination=false')).status).toBe(400)
  expect((await client.json('GET', '/api/articles?depth=3')).status).toBe(400)

  const login = await client.json<{ token: string }>('POST', '/api/members/login', { body: { email: 'writer@example.org', password } })
  expect(login.status).toBe(200)
  const staff = { auth: { token: login.body.token } }
  const all = await client.json('GET', '/api/articles?limit=1000&draft=true', staff)
  expect(all.status).toBe(200)
  expect(titles(all.body).sort()).toEqual(['Draft', 'Published'])
  expect((await client.json('GET', '/api/articles?pagination=false', staff)).status).toBe(200)
})

test('an API key reads the published documents of its scopes only, at the door and in Payload’s own auth', async () => {
  const created = await payload.create({ collection: slug('site-keys'), data: { name: 'Site', scopes: ['articles'] } as never, ...as('owner') })
  const key = (created as unknown as { apiKey: string }).apiKey

  const articles = await client.json('GET', '/api/articles?draft=true', withKey(key))
  expect(articles.status).toBe(200)
  expect(titles(articles.body)).toEqual(['Published'])
  expect((await client.json('GET', '/api/notes', withKey(key))).status).toBe(403)
  expect((await client.json('POST', '/api/articles', { ...withKey(key), body: { title: 'Mine' } })).status).toBe(403)
  expect((await client.json('GET', '/api/articles', withKey(`${key}x`))).status).toBe(401)
  // The door counted those requests with the limiter the host gave it, in windows of whole seconds.
  expect(limiterOptions).toEqual([{ duration: 60, keyPrefix: 'delivery-api', points: 1000 }])
  expect((await client.request('GET', '/api/articles', withKey(key))).headers.get('ratelimit-limit')).toBe('1000')

  // Without the door (the admin UI through Next), the plugin's strategy finds the key itself.
  const { user } = await executeAuthStrategies({ headers: new Headers({ 'x-api-key': key }), payload })
  expect(user).toMatchObject({ id: created.id, collection: 'site-keys' })
  await expect(payload.find({ collection: slug('notes'), overrideAccess: false, user })).rejects.toThrow(/not allowed/)
  await expect(payload.find({ collection: slug('articles'), overrideAccess: false, user })).resolves.toMatchObject({ totalDocs: 1 })
})

test('a publish queues a webhook delivery in the configured log; a draft save sends none', async () => {
  await payload.create({
    collection: slug('site-hooks'),
    data: { name: 'Site', allowPrivateNetwork: true, events: ['publish', 'unpublish'], url: 'http://127.0.0.1:9/hook' } as never,
    ...as('owner'),
  })
  const deliveries = () => payload.find({ collection: slug('site-hook-log'), overrideAccess: true, sort: 'createdAt' })

  const article = await payload.create({ collection: slug('articles'), data: { slug: 'later', title: 'Later' } as never, draft: true })
  await payload.update({ id: article.id, collection: slug('articles'), data: { title: 'Later, again' } as never, draft: true })
  expect((await deliveries()).docs).toHaveLength(0)

  await payload.update({ id: article.id, collection: slug('articles'), data: { _status: 'published' } as never })
  const { docs } = await deliveries()
  expect(docs).toMatchObject([{ collection: 'articles', documentId: String(article.id), event: 'publish', status: 'pending' }])
  const jobs = await payload.find({ collection: 'payload-jobs', overrideAccess: true, where: { taskSlug: { equals: 'deliverWebhook' } } })
  expect(jobs.docs.map((job) => (job.input as { deliveryId: unknown }).deliveryId)).toEqual([docs[0]!.id])
})
