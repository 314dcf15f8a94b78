/** One stored answer: what the API sent, and the tags of everything it was computed from. */
export type CachedAnswer = {
  body: Uint8Array
  /** On the CMS's clock: when the answer was computed, and when the clock alone makes it untrue. */
  computedAt: number
  expiresAt?: number
  headers: Array<[string, string]>
  status: number
  tags: string[]
}

/**
 * Where answers and tag versions live. Every invalidation takes the next number of one sequence
 * and stamps it on each tag it names. An answer remembers the sequence number current when its
 * computation began, and is valid while none of its tags carries a later stamp: a write that lands
 * while an answer is being computed therefore voids it, whichever finishes first.
 */
export type ResponseCacheStore = {
  close?(): Promise<void>
  /** Stamps each tag with the next sequence number; resolves once every instance will see it. */
  invalidate(tags: string[]): Promise<void>
  /** The current sequence number, and the answer under `key` if it is still valid. */
  lookup(key: string): Promise<{ answer?: CachedAnswer; sequence: number }>
  /** Keeps the answer unless one of its tags was stamped after `sequence`; true when kept. */
  store(key: string, answer: CachedAnswer, sequence: number, ttlMs: number): Promise<boolean>
  /** For reports (bench, health): entries held, and their size where the store knows it. */
  stats(): Promise<{ bytes?: number; entries: number }>
}

export type CdnPurgeOptions = {
  /** Headers that authenticate one purge call (a token, a signature of the exact body). */
  headersFor(body: string): Record<string, string>
  /** Receives POST {"tags": [...]} for every invalidation. */
  url: string
}

/** The moments at which a document read as it is now would read differently, with no write. */
export type ClockDependence = (doc: Record<string, unknown>) => Array<Date | null | number | string | undefined>

export type ResponseCacheOptions = {
  /**
   * Collections whose answers change with time alone (a computed verdict, a rule comparing a date
   * with now): each document read tells when it next changes, and no answer outlives that.
   */
  changesWithTime?: Record<string, ClockDependence>
  /**
   * Off keeps the plugin's hooks out entirely (answers are computed every time).
   * @default true
   */
  enabled?: boolean
  /** A CDN in front of the API: every invalidation is also sent there to purge by tag. */
  cdnPurge?: CdnPurgeOptions
  /**
   * Answers larger than this are served but not stored.
   * @default 1 MiB
   */
  maxEntryBytes?: number
  /**
   * The clock answers are judged by (the one the clock-dependent rules use; tests move it).
   * @default Date.now
   */
  now?: () => number
  /** The store shared by every instance (Redis), or this process's own (memory). */
  store: ResponseCacheStore
  /**
   * Longest life of a stored answer. It also bounds how late an answer that depends on the clock
   * (an access rule comparing dates) can be.
   * @default 300 s
   */
  ttlSeconds?: number
}

export type ResolvedResponseCacheOptions = Required<Omit<ResponseCacheOptions, 'cdnPurge'>> & Pick<ResponseCacheOptions, 'cdnPurge'>
