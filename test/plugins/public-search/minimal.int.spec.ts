import type { CollectionSlug, Payload } from 'payload'

import { buildConfig, createLocalReq } from 'payload'

import type { SearchContract, SearchResult } from '../../../plugins/public-search'

import { publicSearch } from '../../../plugins/public-search'
import { bootMinimalPayload } from '../../helpers/minimalPayload'
import { shutdownPayload } from '../../helpers/payload'

// Slugs of the minimal config, not of this CMS: the generated types do not know them.
const slug = (name: string) => name as CollectionSlug

let payload: Payload
let contract: SearchContract

beforeAll(async () => {
  payload = await bootMinimalPayload(import('./minimal.config').then((module) => module.default))
  contract = payload.config.custom.publicSearch as SearchContract
})

afterAll(async () => {
  await shutdownPayload(payload)
})

/** A search as an anonymous reader makes it. */
const search = async (args: Record<string, unknown>): Promise<SearchResult> =>
  contract.search(await createLocalReq({}, payload), { collections: undefined, fallbackLocale: undefined, limit: undefined, locale: undefined, page: undefined, q: undefined, ...args })

const titles = (result: SearchResult) => result.docs.map(({ title }) => title)

test('the index lives under its own slug, and finds a recipe by its French title, its steps and its group, with a typo', async () => {
  const recipe = await payload.create({
    collection: slug('recipes'),
    data: { _status: 'published', origin: { region: 'Provence' }, steps: [{ step: 'Simmer the tomatoes slowly.' }], title: 'Vegetable stew' } as never,
    locale: 'en',
  })
  await payload.update({ id: recipe.id, collection: slug('recipes'), data: { title: 'Ratatouille' } as never, locale: 'fr' })
  const { totalDocs } = await payload.count({ collection: slug('finder-index') })
  expect(totalDocs).toBe(2)
  expect(titles(await search({ locale: 'fr', q: 'ratatouile' }))).toEqual(['Ratatouille'])
  // The steps are not translated: French readers search them through the fallback, under the French title.
  expect(await search({ locale: 'fr', q: 'simmer provence' })).toMatchObject({ docs: [{ locale: 'fr', title: 'Ratatouille' }], totalDocs: 1 })
  expect(titles(await search({ q: 'vegetable' }))).toEqual(['Vegetable stew'])
})

test("the collection's own read access decides: drafts and unlisted chefs are not found", async () => {
  await payload.create({ collection: slug('recipes'), data: { _status: 'draft', title: 'Secret soufflé' } as never })
  await payload.create({ collection: slug('chefs'), data: { name: 'Hidden Souffle Chef', listed: false } as never })
  await payload.create({ collection: slug('chefs'), data: { name: 'Souffle Chef', listed: true } as never })
  expect(titles(await search({ q: 'souffle' }))).toEqual(['Souffle Chef'])
})

test("the limits are the options': a page over maxLimit is refused", async () => {
  await expect(search({ limit: '6', q: 'chef' })).rejects.toThrow('limit must be a whole number from 1 to 5.')
})

test('a field with its own read access cannot be searched: the config is refused', async () => {
  const config = await (await import('./minimal.config')).default
  const recipes = config.collections.find((collection) => collection.slug === slug('recipes'))!
  await expect(
    buildConfig({
      collections: [{ slug: 'recipes', fields: recipes.fields }],
      db: config.db,
      plugins: [publicSearch({ collections: [{ slug: 'recipes', body: ['costPrice'], title: 'title' }] })],
      secret: 'x',
    }),
  ).rejects.toThrow('recipes.costPrice has its own read access')
})
