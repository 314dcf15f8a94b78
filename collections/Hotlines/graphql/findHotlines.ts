/**
 * GraphQL `FindHotlines`: the hotline finder with the same parameters, checks, search and answer
 * as `GET /api/hotlines/find` (docs/api.md, "Hotline finder"). Each found hotline is Payload's own
 * `Hotline` type (its relationship and localized fields resolve as in `Hotlines`) plus `openNow`
 * and `nextChangeAt`. Registered in payload.config.ts `graphQL.queries`.
 */
import type { GraphQLNullableType, GraphQLOutputType } from 'graphql'
import type { Config, PayloadRequest } from 'payload'

import { isolateObjectProperty } from 'payload'

import { now } from '@/lib/clock'

import { apiClientReadExtensions } from '../../../plugins/delivery-api'
import { parseFinderQuery } from '../utilities/finderQuery'
import { findHotlines } from '../utilities/findHotlines'

type GraphQLExtension = NonNullable<NonNullable<Config['graphQL']>['queries']>
type GraphQLModule = Parameters<GraphQLExtension>[0]
type SchemaSoFar = Parameters<GraphQLExtension>[1]

export function findHotlinesQuery(graphQL: GraphQLModule, { collections, types }: SchemaSoFar) {
  const { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
  const hotline = collections.hotlines.graphQL!.type
  const foundHotline = new GraphQLObjectType({
    name: 'FoundHotline',
    fields: () => ({
      ...hotline.toConfig().fields,
      nextChangeAt: { type: GraphQLString, description: 'When openNow next flips (ISO 8601); null when it never does.' },
      openNow: { type: new GraphQLNonNull(GraphQLBoolean) },
    }),
  })
  const required = <T extends GraphQLNullableType & GraphQLOutputType>(type: T) => ({ type: new GraphQLNonNull(type) })
  const foundHotlines = new GraphQLObjectType({
    name: 'FoundHotlines',
    fields: {
      at: { ...required(GraphQLString), description: 'The instant openNow was judged at (ISO 8601).' },
      docs: required(new GraphQLList(new GraphQLNonNull(foundHotline))),
      hasNextPage: required(GraphQLBoolean),
      hasPrevPage: required(GraphQLBoolean),
      limit: required(GraphQLInt),
      nextPage: { type: GraphQLInt },
      page: required(GraphQLInt),
      pagingCounter: required(GraphQLInt),
      prevPage: { type: GraphQLInt },
      totalDocs: required(GraphQLInt),
      totalPages: required(GraphQLInt),
    },
  })
  // Codes are strings, not enums, so a wrong one gets the same message as over REST.
  return {
    type: foundHotlines,
    args: {
      at: { type: GraphQLString },
      audience: { type: GraphQLString },
      country: { type: GraphQLString },
      fallbackLocale: { type: types.fallbackLocaleInputType ?? GraphQLString },
      free: { type: GraphQLBoolean },
      includeEU: { type: GraphQLBoolean },
      language: { type: GraphQLString },
      limit: { type: GraphQLInt },
      locale: { type: types.localeInputType ?? GraphQLString },
      openNow: { type: GraphQLBoolean },
      page: { type: GraphQLInt },
      q: { type: GraphQLString },
    },
    extensions: apiClientReadExtensions('hotlines'),
    resolve: async (_: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }) => {
      const query = parseFinderQuery(args, now())
      // As Payload's own resolvers do: this query's locale must not leak into sibling queries.
      const req = isolateObjectProperty(context.req, ['locale', 'fallbackLocale', 'transactionID'])
      return findHotlines(req, query)
    },
  }
}
