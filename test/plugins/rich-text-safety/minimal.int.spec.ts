import type { SerializedElementNode } from '@payloadcms/richtext-lexical/lexical'
import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

import { paragraphs } from '@/lib/richText'

import { bootMinimalPayload } from '../../helpers/minimalPayload'
import { shutdownPayload } from '../../helpers/payload'

// Slugs of the minimal config, not of this CMS: the generated types do not know them.
const pages = 'pages' as CollectionSlug
const settings = 'site-settings' as GlobalSlug

let payload: Payload

beforeAll(async () => {
  payload = await bootMinimalPayload(import('./minimal.config').then((module) => module.default))
})

afterAll(async () => {
  await shutdownPayload(payload)
})

/** Plain paragraphs as this CMS seeds them (src/lib/richText.ts), with a link after the first one's text. */
const withLink = (url: string) => {
  const state = paragraphs('Read ')
  const link = { type: 'link', children: [], fields: { linkType: 'custom', newTab: false, url }, version: 3 }
  ;(state.root.children[0] as SerializedElementNode).children.push(link)
  return state
}
const countPages = async () => (await payload.count({ collection: pages })).totalDocs

type Refusal = { data?: { errors?: Array<{ message: string; path: string }> }; name: string }

/** The ValidationError a write was refused with (undefined when it was not refused). */
const refusalOf = (write: Promise<unknown>): Promise<Refusal | undefined> =>
  write.then(
    () => undefined,
    (error: unknown) => error as Refusal,
  )

test('a javascript: link is refused with the reason and the field, and nothing is written', async () => {
  const before = await countPages()
  const refusal = await refusalOf(payload.create({ collection: pages, data: { body: withLink('javascript:alert(1)'), title: 'Bad' } as never }))
  expect(refusal?.name).toBe('ValidationError')
  expect(refusal?.data?.errors).toEqual([{ message: expect.stringMatching(/address is not allowed: Links may point to https:\/\//), path: 'body' }])
  expect(await countPages()).toBe(before)

  const globalRefusal = await refusalOf(payload.updateGlobal({ slug: settings, data: { footer: withLink('JaVaScRiPt:alert(1)') } as never }))
  expect(globalRefusal?.data?.errors).toEqual([{ message: expect.stringMatching(/address is not allowed/), path: 'footer' }])
  expect(await payload.findGlobal({ slug: settings })).not.toHaveProperty('footer.root')
})

test('an http link is stored', async () => {
  const page = await payload.create({ collection: pages, data: { body: withLink('http://example.org/guide'), title: 'Good' } as never })
  const stored = await payload.findByID({ id: page.id, collection: pages })
  expect(JSON.stringify((stored as { body?: unknown }).body)).toContain('"url":"http://example.org/guide"')
})

test('data nested deeper than maxDataDepth is refused before Payload copies it', async () => {
  const nest = (levels: number): object => (levels === 0 ? {} : { next: nest(levels - 1) })
  const before = await countPages()
  const refusal = await refusalOf(payload.create({ collection: pages, data: { meta: nest(45), title: 'Deep' } as never }))
  expect(refusal?.data?.errors?.[0]?.message).toBe('The data nests more than 40 levels deep.')
  expect(await countPages()).toBe(before)
  await expect(payload.create({ collection: pages, data: { meta: nest(30), title: 'Shallow' } as never })).resolves.toMatchObject({ title: 'Shallow' })
})
