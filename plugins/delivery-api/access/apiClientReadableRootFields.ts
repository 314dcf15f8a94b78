import type { PayloadRequest } from 'payload'

import { formatNames, toWords } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../types'

import { readRootFieldNames } from '../utilities/graphqlLimits'

type ApiClientUser = { collection?: string; scopes?: string[] }

/** The GraphQL root fields an API-key request may select, or undefined when the request has no key. */
export function apiClientReadableRootFields(options: Pick<ResolvedDeliveryApiOptions, 'slugs'>, req: PayloadRequest | undefined): ReadonlySet<string> | undefined {
  const user = req?.user as ApiClientUser | null | undefined
  if (!req || !user || user.collection !== options.slugs.apiClients) {
    return undefined
  }
  return new Set(
    (user.scopes ?? []).flatMap((slug) => {
      const collection = req.payload.collections[slug as keyof typeof req.payload.collections]?.config
      const global = req.payload.globals.config.find((each) => each.slug === slug)
      if (collection) {
        return readRootFieldNames({ slug, graphQL: collection.graphQL, kind: 'collection' }, formatNames, toWords)
      }
      return global ? readRootFieldNames({ slug, graphQL: global.graphQL, kind: 'global' }, formatNames, toWords) : []
    }),
  )
}
