/**
 * The response cache mounted in another Payload (minimal.config.ts), behind the project's express
 * host with every request counted as public: tags from the adapter, voiding on every write, and an
 * answer that ends with the clock.
 */
import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

import type { Host } from '@/host/createHost'

import { createHost } from '@/host/createHost'

import type { ResponseCacheContract } from '../../../plugins/response-cache'

import { ApiClient } from '../../helpers/host'
import { shutdownPayload } from '../../helpers/payload'
import { clock } from './minimal.config'

// Slugs of the minimal config, not of this CMS.
const articles = 'articles' as CollectionSlug
const authors = 'authors' as CollectionSlug
const site = 'site' as GlobalSlug

let host: Host
let payload: Payload
let client: ApiClient

beforeAll(async () => {
  host = await createHost({
    cacheMaxAgeSeconds: 0,
    config: import('./minimal.config').then((module) => module.default),
    isProduction: false,
    jsonBodyMaxBytes: 64 * 1024,
    // No delivery boundary here: every request is public.
    responseCache: (booted) => {
      const api = (booted.config.custom.responseCache as ResponseCacheContract).api(booted)
      return ({ body, request }, produce) => api({ body, partition: 'public', request }, produce)
    },
    servedOverHttps: false,
    shutdownTimeoutMs: 1_000,
    trustProxy: 0,
  })
  payload = host.payload
  const address = await host.listen(0, '127.0.0.1')
  client = new ApiClient(`http://127.0.0.1:${address.port}`)
})

afterAll(async () => {
  await new Promise((resolve) => host.server.close(resolve))
  await shutdownPayload(payload)
})

const read = async (path: string) => {
  const response = await client.request('GET', path)
  return { body: (await response.json()) as { docs: Array<{ author: { name: string }; title: string }>; motto?: string }, cache: response.headers.get('x-cache') }
}

test('a populated relation changed through the Local API voids the list that showed it', async () => {
  const author = await payload.create({ collection: authors, data: { name: 'First name' } as never })
  await payload.create({ collection: articles, data: { author: author.id, title: 'With an author' } as never })
  const path = '/api/articles?depth=1'
  expect((await read(path)).cache).toBe('MISS')
  expect((await read(path)).cache).toBe('HIT')
  await payload.update({ id: author.id, collection: authors, data: { name: 'Second name' } as never })
  const after = await read(path)
  expect(after.cache).toBe('MISS')
  expect(after.body.docs[0]!.author.name).toBe('Second name')
})

test('an answer ends when the clock passes a moment its documents named', async () => {
  await payload.delete({ collection: articles, where: {} })
  await payload.create({ collection: articles, data: { shownUntil: '2030-01-02T00:00:00.000Z', title: 'Embargoed tomorrow' } as never })
  const path = '/api/articles?depth=0'
  expect((await read(path)).body.docs.map(({ title }) => title)).toEqual(['Embargoed tomorrow'])
  expect((await read(path)).cache).toBe('HIT')
  clock.now = Date.parse('2030-01-02T00:00:01Z')
  const after = await read(path)
  expect(after.cache).toBe('MISS')
  expect(after.body.docs).toEqual([])
})

test('a global save voids the global', async () => {
  await payload.updateGlobal({ slug: site, data: { motto: 'One' } as never })
  expect((await read('/api/globals/site')).body.motto).toBe('One')
  expect((await read('/api/globals/site')).cache).toBe('HIT')
  await payload.updateGlobal({ slug: site, data: { motto: 'Two' } as never })
  expect((await read('/api/globals/site')).body.motto).toBe('Two')
})

test('an endpoint that answers Cache-Control: no-store is never stored', async () => {
  const first = await client.request('GET', '/api/token')
  const second = await client.request('GET', '/api/token')
  expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual([null, null])
  expect(second.headers.get('cache-control')).toBe('no-store')
  expect(await first.json()).not.toEqual(await second.json())
})
