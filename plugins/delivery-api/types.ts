import type { PayloadRequest } from 'payload'

/** What `config.custom.deliveryApi` holds: the delivery API's side of its contracts. */
export type DeliveryApiContract = {
  /** Announces an event to the webhooks subscribed to it; resolves to the number of deliveries queued. */
  emit: (args: { collection?: string; data: Record<string, unknown>; event: string; id?: number | string; req: PayloadRequest }) => Promise<number>
  /** What the host middleware (createDeliveryBoundary) needs to know of this config. */
  options: {
    isStaffRequest: (req: Pick<PayloadRequest, 'user'>) => boolean
    slugs: { apiClients: string; rateLimitCounters: string }
  }
}

export type DeliveryApiOptions = {
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
   * Who may manage API clients.
   * @default a user whose `roles` include `admin`
   */
  isAdminRequest?: (req: PayloadRequest) => boolean
  /**
   * Who counts as staff: staff are exempt from the public REST limits and may introspect.
   * @default a signed-in user of the `users` collection
   */
  isStaffRequest?: (req: Pick<PayloadRequest, 'user'>) => boolean
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
