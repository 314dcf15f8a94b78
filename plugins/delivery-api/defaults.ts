import type { CollectionSlug, Config } from 'payload'

import type { DeliveryApiOptions, ResolvedDeliveryApiOptions } from './types'

import { contentWebhookEvents, DEFAULT_SLUGS } from './constants'

const wholeNumberOption = (name: string, value: number, least: number): number => {
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`deliveryApi: ${name} must be a whole number of ${least} or more; got ${value}.`)
  }
  return value
}

/**
 * Fills in every option's default once and throws at start for options that cannot work; the rest
 * of the plugin reads only the resolved options. Slugs become `CollectionSlug` here, the one place
 * they are taken on trust: the plugin registers its own collections under them, and a readable
 * collection or global must be in the config.
 */
export function resolveDeliveryApiOptions(options: DeliveryApiOptions, config: Config): ResolvedDeliveryApiOptions {
  const slug = (value: string) => value as CollectionSlug
  const slugs = { ...DEFAULT_SLUGS, ...options.slugs }
  const collections = config.collections ?? []
  const globals = config.globals ?? []
  for (const own of Object.values(slugs)) {
    if (collections.some((collection) => collection.slug === own)) {
      throw new Error(`deliveryApi: the config already has a collection "${own}"; give the plugin's own another slug in its slugs option.`)
    }
  }
  const unknown = options.readableCollections?.filter((name) => !collections.some(({ slug }) => slug === name) && !globals.some(({ slug }) => slug === name))
  if (unknown?.length) {
    throw new Error(`deliveryApi: readableCollections names ${unknown.join(', ')}, which the config has neither as a collection nor as a global.`)
  }
  const apiClients = slug(slugs.apiClients)
  // An API client is a Payload user too (req.user): a predicate written for people, such as
  // `(user) => Boolean(user)`, must not make a key staff or admin.
  const personOnly =
    (predicate: ResolvedDeliveryApiOptions['isStaff']): ResolvedDeliveryApiOptions['isStaff'] =>
    (user) =>
      user?.collection !== apiClients && predicate(user)
  const webhookCollections =
    options.readableCollections ?? collections.filter((collection) => !collection.auth && !collection.admin?.hidden).map(({ slug }) => slug)
  return {
    // Globals are content too (the programme settings): a key reads one only when it is in its scopes.
    clientScopes: options.readableCollections ?? [...webhookCollections, ...globals.filter((global) => !global.admin?.hidden).map(({ slug }) => slug)],
    enabled: options.enabled ?? true,
    graphQL: {
      maxAliases: options.graphQL?.maxAliases ?? 30,
      maxComplexity: options.graphQL?.maxComplexity ?? 600,
      maxDepth: options.graphQL?.maxDepth ?? 8,
      publicIntrospectionInProduction: options.graphQL?.publicIntrospectionInProduction ?? false,
    },
    isAdmin: personOnly(options.access.isAdmin),
    isStaff: personOnly(options.access.isStaff),
    queries: {
      maxConditions: options.queries?.maxConditions ?? 1000,
      maxDepth: options.queries?.maxDepth ?? 8,
      maxPatternLength: options.queries?.maxPatternLength ?? 200,
      maxPatternWildcards: options.queries?.maxPatternWildcards ?? 8,
    },
    rest: {
      maxPublicDepth: options.rest?.maxPublicDepth ?? 2,
      maxPublicLimit: wholeNumberOption('rest.maxPublicLimit', options.rest?.maxPublicLimit ?? 100, 1),
    },
    slugs: {
      apiClients,
      webhookDeliveries: slug(slugs.webhookDeliveries),
      webhooks: slug(slugs.webhooks),
    },
    webhookCollections,
    webhooks: {
      // Stored as select options: the order and values are the schema's (no migration for the same list).
      events: [...contentWebhookEvents, ...(options.webhooks?.events ?? [])],
      maxAttempts: wholeNumberOption('webhooks.maxAttempts', options.webhooks?.maxAttempts ?? 5, 1),
      retryDelayMs: options.webhooks?.retryDelayMs ?? 10_000,
      timeoutMs: options.webhooks?.timeoutMs ?? 10_000,
    },
  }
}
