import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../defaults'

/**
 * Public clients may not ask for huge pages or deep population: both multiply database work per
 * request. The request is refused with the limit named, rather than silently trimmed, so a site
 * developer sees at once why their query changed.
 */
export const limitPublicReadsBeforeOperation =
  (options: ResolvedDeliveryApiOptions): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if ((operation !== 'read' && operation !== 'readDistinct') || options.isStaffRequest(req)) {
      return args
    }
    const { depth, limit } = args as { depth?: number | string; limit?: number | string }
    if (limit !== undefined && (Number(limit) > options.rest.maxPublicLimit || Number(limit) <= 0)) {
      throw new APIError(`limit must be between 1 and ${options.rest.maxPublicLimit} for public clients.`, 400, undefined, true)
    }
    if (depth !== undefined && Number(depth) > options.rest.maxPublicDepth) {
      throw new APIError(`depth may be at most ${options.rest.maxPublicDepth} for public clients.`, 400, undefined, true)
    }
    return args
  }
