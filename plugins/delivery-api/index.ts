import type { Config, PayloadRequest } from 'payload'

import { flattenTopLevelFields, formatNames, toWords } from 'payload'

import type { DeliveryApiContract, DeliveryApiOptions } from './types'

import { apiClientsSlug, generateApiClientsCollection } from './collections/ApiClients'
import { generateRateLimitCountersCollection, rateLimitCountersSlug } from './collections/RateLimitCounters'
import { generateWebhookDeliveriesCollection } from './collections/WebhookDeliveries'
import { generateWebhooksCollection } from './collections/Webhooks'
import { withDefaults } from './defaults'
import { rotateApiKeyEndpoint } from './endpoints/rotateApiKey'
import { annotateTranslationBeforeRead, translationField } from './hooks/annotateTranslationBeforeRead'
import { boundQueriesBeforeOperation, defaultIdKindOf } from './hooks/boundQueriesBeforeOperation'
import { limitPublicReadsBeforeOperation } from './hooks/limitPublicReadsBeforeOperation'
import {
  emitForPlugins,
  queueWebhooksAfterChange,
  queueWebhooksAfterDelete,
  reserveWebhooksBeforeChange,
  reserveWebhooksBeforeDelete,
} from './hooks/queueWebhooks'
import { restrictApiClientsToScopes } from './hooks/restrictApiClientsToScopes'
import { deliverWebhookTask } from './tasks/deliverWebhook'
import {
  aliasLimitRule,
  apiClientReadOnlyRule,
  depthLimitRule,
  introspectionOnlyForStaffRule,
  paginationOnlyForStaffRule,
  readRootFieldNames,
  whereBoundsRule,
} from './utilities/graphqlLimits'

export { apiClientsSlug } from './collections/ApiClients'
export { createDeliveryBoundary } from './middleware/deliveryBoundary'
export type { DeliveryBoundaryOptions, RateLimitOptions } from './middleware/deliveryBoundary'
export type { ActiveApiClient } from './operations/apiClients'
export { contentWebhookEvents } from './constants'
export type { DeliveryApiContract, DeliveryApiOptions } from './types'
export { signWebhook, verifyWebhookSignature } from './utilities/webhookSignature'

type ApiClientUser = { collection?: string; scopes?: string[] }

/** The GraphQL root fields an API-key request may select, or undefined when the request has no key. */
function apiClientReadableRootFields(req: PayloadRequest | undefined): ReadonlySet<string> | undefined {
  const user = req?.user as ApiClientUser | null | undefined
  if (!req || !user || user.collection !== apiClientsSlug) {
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

/**
 * Makes the API safe to hand to external sites: API clients with hashed, revocable keys and read
 * scopes; bounded GraphQL (depth, aliases, complexity, introspection) and bounded public REST
 * reads (page size, population depth).
 */
export const deliveryApi =
  (incoming: DeliveryApiOptions = {}) =>
  (config: Config): Config => {
    const options = withDefaults(incoming)
    const existing = config.collections ?? []
    const existingGlobals = config.globals ?? []
    const scopeOptions =
      options.readableCollections ?? existing.filter((collection) => !collection.auth && !collection.admin?.hidden).map(({ slug }) => slug)
    // Globals are content too (the programme settings): a key reads one only when it is in its scopes.
    const clientScopeOptions = options.readableCollections ?? [
      ...scopeOptions,
      ...existingGlobals.filter((global) => !global.admin?.hidden).map(({ slug }) => slug),
    ]
    const ownCollections = [
      { ...generateApiClientsCollection(options, clientScopeOptions), endpoints: [rotateApiKeyEndpoint(options)] },
      generateWebhooksCollection(options, scopeOptions),
      generateWebhookDeliveriesCollection(options),
      generateRateLimitCountersCollection(),
    ]
    const jobs = { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), deliverWebhookTask(options)] }
    // The host middleware (createDeliveryBoundary) reads what it needs from here; other plugins (the
    // phase gate's decisions) announce their events through `emit`, without importing us.
    const contract: DeliveryApiContract = {
      emit: emitForPlugins,
      options: { isStaffRequest: options.isStaffRequest, slugs: { apiClients: apiClientsSlug, rateLimitCounters: rateLimitCountersSlug } },
    }
    const custom = { ...config.custom, deliveryApi: contract }
    if (!options.enabled) {
      // The collections stay registered so the schema does not change with the switch.
      return { ...config, collections: [...existing, ...ownCollections], custom, jobs }
    }
    const limitReads = limitPublicReadsBeforeOperation(options)
    const boundQueries = boundQueriesBeforeOperation(options.queries)
    const localization = config.localization || undefined
    const userValidationRules = config.graphQL?.validationRules
    const hideIntrospection = process.env.NODE_ENV === 'production' && !options.graphQL.publicIntrospectionInProduction

    return {
      ...config,
      collections: [
        ...existing.map((collection) => {
          const announces = Boolean(collection.versions && scopeOptions.includes(collection.slug))
          // Rows and collapsibles hold top-level data too.
          const localizedFields = flattenTopLevelFields(collection.fields).flatMap((field) =>
            'localized' in field && field.localized ? [field.name] : [],
          )
          const annotates = Boolean(localization && localizedFields.length && collection.versions)
          return {
            ...collection,
            access: { ...collection.access, read: restrictApiClientsToScopes(collection.slug, collection.access?.read) },
            fields: annotates ? [...collection.fields, translationField] : collection.fields,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), ...(announces ? [queueWebhooksAfterChange(collection.slug)] : [])],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(announces ? [queueWebhooksAfterDelete(collection.slug)] : [])],
              beforeChange: [
                ...(collection.hooks?.beforeChange ?? []),
                ...(announces ? [reserveWebhooksBeforeChange(collection.slug)] : []),
              ],
              beforeDelete: [...(collection.hooks?.beforeDelete ?? []), ...(announces ? [reserveWebhooksBeforeDelete(collection.slug)] : [])],
              beforeOperation: [...(collection.hooks?.beforeOperation ?? []), boundQueries, limitReads],
              beforeRead: [
                ...(collection.hooks?.beforeRead ?? []),
                ...(annotates && localization
                  ? [
                      annotateTranslationBeforeRead({
                        collection: collection.slug,
                        defaultLocale: localization.defaultLocale,
                        localizedFields,
                      }),
                    ]
                  : []),
              ],
            },
          }
        }),
        ...ownCollections,
      ],
      custom,
      globals: existingGlobals.map((global) => ({
        ...global,
        access: { ...global.access, read: restrictApiClientsToScopes(global.slug, global.access?.read) },
      })),
      graphQL: {
        ...config.graphQL,
        maxComplexity: options.graphQL.maxComplexity,
        validationRules: (args) => {
          const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
          const isStaff = () => Boolean(req && options.isStaffRequest(req))
          return [
            ...(userValidationRules?.(args) ?? []),
            depthLimitRule(options.graphQL.maxDepth),
            aliasLimitRule(options.graphQL.maxAliases),
            apiClientReadOnlyRule(() => apiClientReadableRootFields(req)),
            paginationOnlyForStaffRule(isStaff, args.variableValues as Record<string, unknown> | undefined),
            whereBoundsRule(options.queries, () => (req ? defaultIdKindOf(req.payload) : 'text'), args.variableValues as Record<string, unknown> | undefined),
            ...(hideIntrospection ? [introspectionOnlyForStaffRule(isStaff)] : []),
          ]
        },
      },
      jobs,
    }
  }
