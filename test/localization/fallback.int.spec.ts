import sharp from 'sharp'

import type { TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let mediaId: number | string

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  const png = await sharp({ create: { background: '#336699', channels: 3, height: 20, width: 20 } }).png().toBuffer()
  const media = await testHost.payload.create({
    collection: 'media',
    // publicAsset: the poster is read anonymously below. Cast until payload-types.ts is regenerated.
    data: { alt: 'Hotline poster', publicAsset: true } as never,
    file: { name: 'poster.png', data: png, mimetype: 'image/png', size: png.length },
    locale: 'en',
  })
  mediaId = media.id
  await testHost.payload.update({ id: mediaId, collection: 'media', data: { alt: 'Affiche de la ligne' }, locale: 'fr' })
})

afterAll(async () => {
  await testHost.stop()
})

describe('localized fields', () => {
  test.each([
    ['fr', undefined, 'Affiche de la ligne'],
    ['nl', undefined, 'Hotline poster'],
    ['sq', undefined, 'Hotline poster'],
    ['nl', 'none', null],
  ])('REST locale=%s fallback-locale=%s → %p', async (locale, fallback, expected) => {
    const query = new URLSearchParams({ locale, ...(fallback ? { 'fallback-locale': fallback } : {}) })
    const { body, status } = await testHost.client.json<{ alt: null | string }>('GET', `/api/media/${mediaId}?${query}`)
    expect(status).toBe(200)
    expect(body.alt ?? null).toBe(expected)
  })

  test('GraphQL falls back to English for an untranslated locale', async () => {
    const idType = typeof mediaId === 'number' ? 'Int' : 'String'
    const result = await testHost.client.graphql<{ Media: { alt: string } }>(
      `query ($id: ${idType}!) { Media(id: $id, locale: hu) { alt } }`,
      { id: mediaId },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.Media.alt).toBe('Hotline poster')
  })

  test('all ten programme locales are configured, English first', async () => {
    const codes = testHost.payload.config.localization && testHost.payload.config.localization.localeCodes
    expect(codes).toEqual(['en', 'fr', 'de', 'nl', 'sv', 'hu', 'ro', 'pt', 'sq', 'nb'])
  })
})
