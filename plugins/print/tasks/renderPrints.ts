import type { TaskConfig } from 'payload'

import type { RefreshOutcome } from '../operations/refreshPrints'
import type { ResolvedPrintOptions } from '../types'

import { RENDER_PRINTS_TASK_SLUG } from '../constants'
import { refreshPrints } from '../operations/refreshPrints'
import { queueRefresh } from '../operations/staleness'

const counts = ['confirmed', 'failed', 'rendered', 'superseded', 'withdrawn'] as const

/**
 * Queued by every write a print depends on (hooks/markPrintsStale.ts), and for the moment the
 * first printed hotline falls due (`expiryCheck`), which then queues an ordinary run.
 */
export const renderPrintsTask = (
  options: ResolvedPrintOptions,
): TaskConfig<{
  input: { deliverable: string; expiryCheck?: boolean | null }
  output: RefreshOutcome
}> => ({
  slug: RENDER_PRINTS_TASK_SLUG,
  // Only the content as it is when a run starts matters, so a new run replaces those still waiting
  // for the same deliverable; one at a time per deliverable, so two workers never render the same
  // edition at once. Expiry checks wait under a key of their own: replacing one with an ordinary
  // run queued meanwhile (or the reverse) would lose it.
  concurrency: {
    exclusive: true,
    key: ({ input }) => `${RENDER_PRINTS_TASK_SLUG}:${input.expiryCheck ? 'expiry:' : ''}${input.deliverable}`,
    supersedes: true,
  },
  handler: async ({ input, req }) => {
    if (input.expiryCheck) {
      await queueRefresh(req, input.deliverable)
      return {
        output: {
          confirmed: 0,
          failed: 0,
          rendered: 0,
          superseded: 0,
          withdrawn: 0,
        },
      }
    }
    const { nextExpiry, ...outcome } = await refreshPrints(req, options, input.deliverable)
    if (nextExpiry) {
      await queueRefresh(req, input.deliverable, new Date(nextExpiry))
    }
    return { output: outcome }
  },
  inputSchema: [
    { name: 'deliverable', type: 'text', required: true },
    { name: 'expiryCheck', type: 'checkbox' },
  ],
  outputSchema: counts.map((name) => ({ name, type: 'number' as const })),
  retries: 2,
})
