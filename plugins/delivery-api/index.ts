import type { Config, PayloadRequest } from 'payload'

import type { DeliveryApiOptions } from './types'

import { withDefaults } from './defaults'
import { limitPublicReadsBeforeOperation } from './hooks/limitPublicReadsBeforeOperation'
import { aliasLimitRule, depthLimitRule, introspectionOnlyForStaffRule } from './utilities/graphqlLimits'

export type { DeliveryApiOptions } from './types'

/**
 * Makes the API safe to hand to external sites: bounded GraphQL (depth, aliases, complexity,
 * introspection) and bounded public REST reads (page size, population depth).
 */
export const deliveryApi =
  (incoming: DeliveryApiOptions = {}) =>
  (config: Config): Config => {
    const options = withDefaults(incoming)
    if (!options.enabled) {
      return config
    }
    const limitReads = limitPublicReadsBeforeOperation(options)
    const userValidationRules = config.graphQL?.validationRules
    const hideIntrospection = process.env.NODE_ENV === 'production' && !options.graphQL.publicIntrospectionInProduction

    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), limitReads],
        },
      })),
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
