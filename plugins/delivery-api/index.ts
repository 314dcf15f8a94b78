import type { Config, PayloadRequest } from 'payload'

import type { DeliveryApiOptions } from './types'

import { generateApiClientsCollection } from './collections/ApiClients'
import { withDefaults } from './defaults'
import { rotateApiKeyEndpoint } from './endpoints/rotateApiKey'
import { limitPublicReadsBeforeOperation } from './hooks/limitPublicReadsBeforeOperation'
import { restrictApiClientsToScopes } from './hooks/restrictApiClientsToScopes'
import { aliasLimitRule, depthLimitRule, introspectionOnlyForStaffRule } from './utilities/graphqlLimits'

export { apiClientsSlug, findActiveApiClient } from './collections/ApiClients'
export type { ActiveApiClient } from './collections/ApiClients'
export type { DeliveryApiOptions } from './types'
export { apiKeyFromHeaders } from './utilities/apiKeys'

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
    const scopeOptions =
      options.readableCollections ?? existing.filter((collection) => !collection.auth && !collection.admin?.hidden).map(({ slug }) => slug)
    const apiClients = {
      ...generateApiClientsCollection(options, scopeOptions),
      endpoints: [rotateApiKeyEndpoint(options)],
    }
    if (!options.enabled) {
      // The collection stays registered so the schema does not change with the switch.
      return { ...config, collections: [...existing, apiClients] }
    }
    const limitReads = limitPublicReadsBeforeOperation(options)
    const userValidationRules = config.graphQL?.validationRules
    const hideIntrospection = process.env.NODE_ENV === 'production' && !options.graphQL.publicIntrospectionInProduction

    return {
      ...config,
      collections: [
        ...existing.map((collection) => ({
          ...collection,
          access: { ...collection.access, read: restrictApiClientsToScopes(collection.slug, collection.access?.read) },
          hooks: {
            ...collection.hooks,
            beforeOperation: [...(collection.hooks?.beforeOperation ?? []), limitReads],
          },
        })),
        apiClients,
      ],
      graphQL: {
        ...config.graphQL,
        maxComplexity: options.graphQL.maxComplexity,
        validationRules: (args) => {
          const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
          return [
            ...(userValidationRules?.(args) ?? []),
            depthLimitRule(options.graphQL.maxDepth),
            aliasLimitRule(options.graphQL.maxAliases),
            ...(hideIntrospection ? [introspectionOnlyForStaffRule(() => Boolean(req && options.isStaffRequest(req)))] : []),
          ]
        },
      },
    }
  }
