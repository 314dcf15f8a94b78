import { cacheKeyOf, normalisedGraphQL } from './cacheKey'
import { pinnedIds, readTags } from './tags'

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
const get = (path: string) => new Request(`http://cms.test${path}`)
const graphql = (body: unknown) => new Request('http://cms.test/api/graphql', { body: JSON.stringify(body), method: 'POST' })

describe('tags of a read', () => {
  test('a query pinned to ids reads those documents; any other query reads the list', () => {
    expect(readTags('hotlines', { id: { equals: 7 } })).toEqual(['c:hotlines', 'd:hotlines:7'])
    expect(readTags('hotlines', { and: [{ _status: { equals: 'published' } }, { id: { in: [1, 2] } }] })).toEqual(['c:hotlines', 'd:hotlines:1', 'd:hotlines:2'])
    expect(readTags('hotlines', { country: { equals: 'BE' } })).toEqual(['c:hotlines', 'l:hotlines'])
    expect(readTags('hotlines', { or: [{ id: { equals: 1 } }, { country: { equals: 'BE' } }] })).toEqual(['c:hotlines', 'l:hotlines'])
    expect(readTags('hotlines', undefined)).toEqual(['c:hotlines', 'l:hotlines'])
  })

  test('an id condition that is not a finite set does not pin', () => {
    expect(pinnedIds({ id: { not_equals: 1 } })).toBeUndefined()
    expect(pinnedIds({ id: { in: [{ nested: 1 }] } })).toBeUndefined()
    expect(pinnedIds({ id: { in: '3,4' } })).toEqual(['3', '4'])
    expect(pinnedIds({ parent: { equals: 'abc' } }, 'parent')).toEqual(['abc'])
  })
})

describe('cache keys', () => {
  test('the order of query parameters does not matter; repeated parameters keep theirs', () => {
    expect(cacheKeyOf(get('/api/hotlines?a=1&b=2'), undefined, 'public')).toBe(cacheKeyOf(get('/api/hotlines?b=2&a=1'), undefined, 'public'))
    expect(cacheKeyOf(get('/api/hotlines?a=1&a=2'), undefined, 'public')).not.toBe(cacheKeyOf(get('/api/hotlines?a=2&a=1'), undefined, 'public'))
  })

  test('the locale, the path and the partition are part of the key', () => {
    const base = cacheKeyOf(get('/api/hotlines?locale=en'), undefined, 'public')
    expect(cacheKeyOf(get('/api/hotlines?locale=hu'), undefined, 'public')).not.toBe(base)
    expect(cacheKeyOf(get('/api/partners?locale=en'), undefined, 'public')).not.toBe(base)
    expect(cacheKeyOf(get('/api/hotlines?locale=en'), undefined, 'scopes:hotlines')).not.toBe(base)
  })

  test('GraphQL: whitespace, comments and variable order do not matter; operations and variables do', () => {
    const one = { query: 'query Q($c: String) { Hotlines(where: { country: { equals: $c } }) { docs { name } } }', variables: { a: 1, c: 'BE' } }
    const spaced = { query: 'query Q($c: String) {\n  # comment\n  Hotlines(where: {country: {equals: $c}}) {docs {name}}\n}', variables: { a: 1, c: 'BE' } }
    expect(normalisedGraphQL(encode(one))).toBe(normalisedGraphQL(encode(spaced)))
    expect(normalisedGraphQL(encode({ ...one, variables: { c: 'NL' } }))).not.toBe(normalisedGraphQL(encode(one)))
    const body = encode(one)
    expect(cacheKeyOf(graphql(one), body, 'public')).toBeDefined()
  })

  test('mutations, unparseable queries and non-JSON bodies are never cached', () => {
    expect(normalisedGraphQL(encode({ query: 'mutation { logout }' }))).toBeUndefined()
    expect(normalisedGraphQL(encode({ query: 'query {' }))).toBeUndefined()
    expect(normalisedGraphQL(new TextEncoder().encode('not json'))).toBeUndefined()
    // Longer than any public read worth caching: not parsed a second time.
    expect(normalisedGraphQL(encode({ query: `query { Hotlines { docs { ${'name '.repeat(4_000)}} } }` }))).toBeUndefined()
    // A document with a query and a mutation: the one chosen by name decides.
    const both = 'query Read { Hotlines { docs { name } } } mutation Write { logout }'
    expect(normalisedGraphQL(encode({ operationName: 'Write', query: both }))).toBeUndefined()
    expect(normalisedGraphQL(encode({ operationName: 'Read', query: both }))).toBeDefined()
    expect(cacheKeyOf(new Request('http://cms.test/api/hotlines', { body: '{}', method: 'POST' }), encode({}), 'public')).toBeUndefined()
  })
})
