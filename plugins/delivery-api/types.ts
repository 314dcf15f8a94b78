import type { CollectionSlug, PayloadRequest } from 'payload'

import type { QueryBounds } from './utilities/queryBounds'

/** The signed-in user as Payload hands it to access functions and hooks (an API client included). */
export type DeliveryApiUser = NonNullable<PayloadRequest['user']>

type UserPredicate = (user: DeliveryApiUser | null | undefined) => boolean

/** Who may do what. Required: the plugin knows nothing of the project's roles or user collection. */
export type DeliveryApiAccess = {
  /** Who manages API clients, webhooks and the delivery log, and rotates keys. */
  isAdmin: UserPredicate
  /**
   * Who counts as staff: exempt from the public REST limits, may ask for `pagination=false`,
   * introspect the GraphQL schema in production and is rate-limited per user at the door.
   */
  isStaff: UserPredicate
}

/** What `config.custom.deliveryApi` holds: the delivery API's side of its contracts. */
export type DeliveryApiContract = {
  /** Announces an event to the webhooks subscribed to it; resolves to the number of deliveries queued. */
  emit: (args: { collection?: string; data: Record<string, unknown>; event: string; id?: number | string; req: PayloadRequest }) => Promise<number>
  /** What the host middleware (createDeliveryBoundary) needs to know of this config. */
  options: {
    isStaff: UserPredicate
    slugs: Pick<ResolvedDeliveryApiOptions['slugs'], 'apiClients'>
  }
}

export type DeliveryApiOptions = {
  /** Who may do what; see {@link DeliveryApiAccess}. */
  access: DeliveryApiAccess
  /**
   * Turns the plugin's checks off while keeping its collections registered, so the schema stays stable.
   * @default true
   */
  enabled?: boolean
  graphQL?: {
    /**
     * Most aliased fields one GraphQL document may contain.
     * @default 30
     */
    maxAliases?: number
    /**
     * Payload's query complexity ceiling (each field costs 1, relationships more).
     * @default 600
     */
    maxComplexity?: number
    /**
     * Deepest field nesting allowed.
     * @default 8
     */
    maxDepth?: number
    /**
     * Whether anonymous and API-client requests may introspect the schema in production.
     * @default false
     */
    publicIntrospectionInProduction?: boolean
  }
  /**
   * Bounds on every `where` query (REST and GraphQL, staff included): deeper, larger or slower
   * queries are refused with 400 before they reach the database.
   */
  queries?: {
    /**
     * Most conditions in one query; each value of an `in`/`not_in`/`all` list counts.
     * @default 1000
     */
    maxConditions?: number
    /**
     * Deepest `and`/`or` nesting.
     * @default 8
     */
    maxDepth?: number
    /**
     * Longest `like`/`contains` pattern.
     * @default 200
     */
    maxPatternLength?: number
    /**
     * Most `%` and `_` wildcards in one `like`/`contains` pattern.
     * @default 8
     */
    maxPatternWildcards?: number
  }
  /**
   * Collections and globals an API client can be given read access to.
   * @default every collection and global except auth collections, hidden ones and the plugin's own
   */
  readableCollections?: string[]
  rest?: {
    /**
     * Deepest relationship population (`depth`) a public REST read may ask for.
     * @default 2
     */
    maxPublicDepth?: number
    /**
     * Largest page (`limit`) a public REST read may ask for.
     * @default 100
     */
    maxPublicLimit?: number
  }
  /** Slugs of the plugin's own collections (stored data lives under them: change them only with a migration). */
  slugs?: {
    /** @default 'api-clients' */
    apiClients?: string
    /** @default 'webhook-deliveries' */
    webhookDeliveries?: string
    /** @default 'webhooks' */
    webhooks?: string
  }
  webhooks?: {
    /**
     * Events other plugins emit through `config.custom.deliveryApi.emit`, which webhooks may
     * subscribe to besides publish, unpublish and delete.
     * @default []
     */
    events?: readonly string[]
    /**
     * Attempts per delivery before it is marked failed.
     * @default 5
     */
    maxAttempts?: number
    /**
     * First retry delay; each further retry waits twice as long.
     * @default 10000
     */
    retryDelayMs?: number
    /**
     * How long a receiver has to answer.
     * @default 10000
     */
    timeoutMs?: number
  }
}

/** The options with every default filled in and every slug typed once; what the plugin's parts read. */
export type ResolvedDeliveryApiOptions = {
  /** Scopes an API client can be given: `readableCollections`, or the content collections and globals. */
  clientScopes: string[]
  enabled: boolean
  graphQL: { maxAliases: number; maxComplexity: number; maxDepth: number; publicIntrospectionInProduction: boolean }
  isAdmin: UserPredicate
  isStaff: UserPredicate
  queries: QueryBounds
  rest: { maxPublicDepth: number; maxPublicLimit: number }
  slugs: { apiClients: CollectionSlug; webhookDeliveries: CollectionSlug; webhooks: CollectionSlug }
  /** Collections whose publishes webhooks announce and subscribe to: `readableCollections`, or the content collections. */
  webhookCollections: string[]
  /** Every event a webhook may subscribe to: publish, unpublish, delete, then `webhooks.events`. */
  webhooks: { events: string[]; maxAttempts: number; retryDelayMs: number; timeoutMs: number }
}
