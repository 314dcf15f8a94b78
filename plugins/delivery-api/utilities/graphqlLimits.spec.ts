import { buildSchema, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, validate } from 'graphql'

import { aliasLimitRule, apiClientReadExtensions, apiClientReadOnlyRule, depthLimitRule, introspectionOnlyForStaffRule } from './graphqlLimits'

const schema = buildSchema(`
  type Partner { name: String, partner: Partner }
  type Query { partner: Partner, partners: [Partner] }
`)

const errorsOf = (query: string, rule: Parameters<typeof validate>[2]) =>
  validate(schema, parse(query), rule).map((error) => error.message)

describe('depthLimitRule', () => {
  test.each([
    ['{ partner { name } }', 2, []],
    ['{ partner { partner { name } } }', 2, ['Query is 3 levels deep; the limit is 2.']],
    ['{ partner { ...f } } fragment f on Partner { partner { partner { name } } }', 3, ['Query is 4 levels deep; the limit is 3.']],
    ['{ partner { ... on Partner { partner { name } } } }', 3, []],
    ['{ partner { ...a } } fragment a on Partner { partner { ...a } }', 10, []],
  ])('%s with limit %p', (query, limit, expected) => {
    expect(errorsOf(query, [depthLimitRule(limit)]).filter((message) => message.includes('levels'))).toEqual(expected)
  })
})

describe('aliasLimitRule', () => {
  test.each([
    [2, 2, 0],
    [3, 2, 1],
    [1000, 30, 1],
  ])('%p aliases with limit %p → %p error(s)', (count, limit, errors) => {
    const query = `{ ${Array.from({ length: count }, (_, index) => `a${index}: partner { name }`).join(' ')} }`
    expect(errorsOf(query, [aliasLimitRule(limit)])).toHaveLength(errors)
  })
})

describe('introspectionOnlyForStaffRule', () => {
  test.each([
    [false, '{ __schema { types { name } } }', 1],
    [false, '{ __type(name: "Partner") { name } }', 1],
    [false, '{ partners { name } }', 0],
    [true, '{ __schema { types { name } } }', 0],
  ])('staff=%p %s → %p error(s)', (staff, query, errors) => {
    expect(errorsOf(query, [introspectionOnlyForStaffRule(() => staff)])).toHaveLength(errors)
  })
})

describe('apiClientReadOnlyRule', () => {
  test.each([
    [new Set(['partners']), '{ partners { name } }', 0],
    [new Set(['partners']), '{ partner { name } }', 1],
    [new Set(['partners']), '{ ...f } fragment f on Query { partner { name } }', 1],
    [new Set(['partners']), 'mutation { partner }', 1],
    [undefined, '{ partner { name } }', 0],
  ])('readable=%p %s → %p error(s)', (readable, query, errors) => {
    const messages = errorsOf(query, [apiClientReadOnlyRule(() => readable)]).filter((message) => /API key/.test(message))
    expect(messages).toHaveLength(errors)
  })
})

describe('apiClientReadOnlyRule and custom queries', () => {
  // SDL cannot carry extensions: the custom query is built as Payload builds `graphQL.queries`.
  const withCustomQuery = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        FindPartners: { type: GraphQLString, extensions: apiClientReadExtensions('partners') },
        partners: { type: GraphQLString },
        Unmarked: { type: GraphQLString },
      },
    }),
  })
  test.each([
    [['partners'], '{ FindPartners }', 0],
    [['hotlines'], '{ FindPartners }', 1],
    [['partners'], '{ Unmarked }', 1],
  ])('scopes=%p %s → %p error(s)', (scopes, query, errors) => {
    const messages = validate(withCustomQuery, parse(query), [apiClientReadOnlyRule(() => new Set(['partners']), () => scopes)]).filter((error) =>
      /API key/.test(error.message),
    )
    expect(messages).toHaveLength(errors)
  })
})
