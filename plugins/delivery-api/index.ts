import type { Config, PayloadRequest } from 'payload'

import { flattenTopLevelFields } from 'payload'

import type { DeliveryApiContract, DeliveryApiOptions } from './types'

import { apiClientReadableRootFields } from './access/apiClientReadableRootFields'
import { restrictApiClientsToScopes } from './access/restrictApiClientsToScopes'
import { generateApiClientsCollection } from './collections/ApiClients'
import { generateWebhookDeliveriesCollection } from './collections/WebhookDeliveries'
import { generateWebhooksCollection } from './collections/Webhooks'
import { resolveDeliveryApiOptions } from './defaults'
import { rotateApiKeyEndpoint } from './endpoints/rotateApiKey'
import { translationField } from './fields/translationField'
import { annotateTranslationBeforeRead } from './hooks/annotateTranslationBeforeRead'
import { boundQueriesBeforeOperation } from './hooks/boundQueriesBeforeOperation'
import { limitPublicReadsBeforeOperation } from './hooks/limitPublicReadsBeforeOperation'
import { queueWebhooksAfterChange, queueWebhooksAfterDelete, reserveWebhooksBeforeChange, reserveWebhooksBeforeDelete } from './hooks/queueWebhooks'
import { emitForPlugins } from './operations/webhookEvents'
import { deliverWebhookTask } from './tasks/deliverWebhook'
import {
  aliasLimitRule,
  apiClientReadOnlyRule,
  depthLimitRule,
  introspectionOnlyForStaffRule,
  paginationOnlyForStaffRule,
  whereBoundsRule,
} from './utilities/graphqlLimits'
import { defaultIdKindOf } from './utilities/idKinds'

export { createDeliveryBoundary } from './middleware/deliveryBoundary'
export type { ApiAudience, DeliveryBoundaryOptions, RateLimiterFactory, RateLimitOptions } from './middleware/deliveryBoundary'
export type { ActiveApiClient } from './operations/apiClients'
export { contentWebhookEvents, DEFAULT_SLUGS } from './constants'
export { QueryRefusedError } from './errors'
export { readableByApiClients } from './middleware/apiClientRoutes'
export type { DeliveryApiAccess, DeliveryApiContract, DeliveryApiOptions, DeliveryApiUser } from './types'
export { apiClientReadExtensions } from './utilities/graphqlLimits'
export { signatureHeader, signWebhook, verifyWebhookSignature } from './utilities/webhookSignature'

/**
 * Makes the API safe to hand to external sites: API clients with hashed, revocable keys and read
 * scopes; bounded GraphQL (depth, aliases, complexity, introspection) and bounded public REST
 * reads (page size, population depth).
 */
export const deliveryApi =
  (incoming: DeliveryApiOptions) =>
  (config: Config): Config => {
    const options = resolveDeliveryApiOptions(incoming, config)
    const existing = config.collections ?? []
    const existingGlobals = config.globals ?? []
    const ownCollections = [
      { ...generateApiClientsCollection(options), endpoints: [rotateApiKeyEndpoint(options)] },
      generateWebhooksCollection(options),
      generateWebhookDeliveriesCollection(options),
    ]
    const jobs = { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), deliverWebhookTask(options)] }
    // The host middleware (createDeliveryBoundary) reads what it needs from here; other plugins (the
    // phase gate's decisions) announce their events through `emit`, without importing us.
    const contract: DeliveryApiContract = {
      emit: emitForPlugins(options),
      options: { isStaff: options.isStaff, slugs: { apiClients: options.slugs.apiClients } },
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
          const announces = Boolean(collection.versions && options.webhookCollections.includes(collection.slug))
          // Rows and collapsibles hold top-level data too.
          const localizedFields = flattenTopLevelFields(collection.fields).flatMap((field) =>
            'localized' in field && field.localized ? [field.name] : [],
          )
          const annotates = Boolean(localization && localizedFields.length && collection.versions)
          return {
            ...collection,
            access: { ...collection.access, read: restrictApiClientsToScopes(options, collection.slug, collection.access?.read) },
            fields: annotates ? [...collection.fields, translationField] : collection.fields,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), ...(announces ? [queueWebhooksAfterChange(options, collection.slug)] : [])],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(announces ? [queueWebhooksAfterDelete(options, collection.slug)] : [])],
              beforeChange: [
                ...(collection.hooks?.beforeChange ?? []),
                ...(announces ? [reserveWebhooksBeforeChange(options, collection.slug)] : []),
              ],
              beforeDelete: [...(collection.hooks?.beforeDelete ?? []), ...(announces ? [reserveWebhooksBeforeDelete(options, collection.slug)] : [])],
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
        access: { ...global.access, read: restrictApiClientsToScopes(options, global.slug, global.access?.read) },
      })),
      graphQL: {
        ...config.graphQL,
        maxComplexity: options.graphQL.maxComplexity,
        validationRules: (args) => {
          const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
          const isStaff = () => Boolean(req && options.isStaff(req.user))
          return [
            ...(userValidationRules?.(args) ?? []),
            depthLimitRule(options.graphQL.maxDepth),
            aliasLimitRule(options.graphQL.maxAliases),
            apiClientReadOnlyRule(
              () => apiClientReadableRootFields(options, req),
              () => (req?.user as undefined | { scopes?: string[] })?.scopes ?? [],
            ),
            paginationOnlyForStaffRule(isStaff, args.variableValues as Record<string, unknown> | undefined),
            whereBoundsRule(options.queries, () => (req ? defaultIdKindOf(req.payload) : 'text'), args.variableValues as Record<string, unknown> | undefined),
            ...(hideIntrospection ? [introspectionOnlyForStaffRule(isStaff)] : []),
          ]
        },
      },
      jobs,
    }
  }
