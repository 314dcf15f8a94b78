import type * as GraphQL from 'graphql'
import type { PayloadRequest } from 'payload'

import type { SearchContract } from '../index'
import type { SearchArgs } from '../types'

/** The GraphQL twin of `GET /api/search`: the same arguments, checks and answer. */
export function searchQuery(graphQL: typeof GraphQL, contract: SearchContract) {
  const { GraphQLBoolean, GraphQLFloat, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
  const required = <T extends GraphQL.GraphQLNullableType>(type: T) => new GraphQLNonNull(type)
  const hit = new GraphQLObjectType({
    name: 'SearchHit',
    fields: {
      id: { type: required(GraphQLString), description: 'The document id, as text on every database.' },
      collection: { type: required(GraphQLString) },
      locale: { type: required(GraphQLString), description: 'The locale whose text matched: the one asked for, or the fallback.' },
      score: { type: required(GraphQLFloat) },
      snippet: { type: required(GraphQLString) },
      title: { type: required(GraphQLString) },
    },
  })
  const result = new GraphQLObjectType({
    name: 'SearchResults',
    fields: {
      docs: { type: required(new GraphQLList(required(hit))) },
      hasNextPage: { type: required(GraphQLBoolean) },
      hasPrevPage: { type: required(GraphQLBoolean) },
      limit: { type: required(GraphQLInt) },
      page: { type: required(GraphQLInt) },
      totalDocs: { type: required(GraphQLInt) },
      totalPages: { type: required(GraphQLInt) },
      truncated: { type: required(GraphQLBoolean) },
    },
  })
  return {
    type: required(result),
    args: {
      collections: { type: new GraphQLList(required(GraphQLString)) },
      fallbackLocale: { type: GraphQLString },
      limit: { type: GraphQLInt },
      locale: { type: GraphQLString },
      page: { type: GraphQLInt },
      q: { type: required(GraphQLString) },
    },
    description: 'Full-text search over published public content, ranked, in one locale with its fallback.',
    resolve: async (_root: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }) => {
      const answer = await contract.search(context.req, args as Record<keyof SearchArgs, unknown>)
      return { ...answer, docs: answer.docs.map((doc) => ({ ...doc, id: String(doc.id) })) }
    },
  }
}
