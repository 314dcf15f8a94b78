import { AsyncLocalStorage } from 'node:async_hooks'

/** What one public answer was computed from, gathered while Payload computes it. */
export type Collected = {
  /** Earliest moment the answer may change by the clock alone (an access rule comparing dates). */
  expiresAt?: number
  tags: Set<string>
  /** Something wrote while answering (a GET that changes data): such an answer is never stored. */
  wrote: boolean
}

const collecting = new AsyncLocalStorage<Collected>()

/** Runs `work` with every database read inside it recorded as tags of its answer. */
export function collectTags<T>(work: () => Promise<T>): Promise<{ collected: Collected; result: T }> {
  const collected: Collected = { tags: new Set(), wrote: false }
  return collecting.run(collected, async () => ({ collected, result: await work() }))
}

/** The answer being computed in this async context, if any. */
export const currentAnswer = (): Collected | undefined => collecting.getStore()

/**
 * Says that the answer being computed stops being true at `moment` (on the cache's clock) even if
 * nothing is written: a rule that shows a document only until a date calls this with that date.
 */
export function answerExpiresAt(moment: Date | number | string): void {
  const collected = collecting.getStore()
  const at = moment instanceof Date ? moment.getTime() : typeof moment === 'number' ? moment : Date.parse(moment)
  if (collected && Number.isFinite(at)) {
    collected.expiresAt = Math.min(collected.expiresAt ?? Infinity, at)
  }
}
