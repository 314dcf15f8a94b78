import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../types'

import { QueryRefusedError } from '../errors'

/**
 * Whether this find is the one a REST client asked for with `pagination=false`. Payload's own
 * finds (population, the session lookup during authentication) pass `pagination: false` too, with
 * the same request: only the find of the collection the route addressed counts, and the route is
 * known only once authentication is over.
 */
const clientAskedForAllDocuments = (req: PayloadRequest, collection: string, pagination: unknown) => {
  const asked = (req.query as undefined | { pagination?: unknown })?.pagination
  return pagination === false && req.payloadAPI === 'REST' && req.routeParams?.collection === collection && (asked === false || asked === 'false')
}

/**
 * Public clients may not ask for huge pages, all documents at once, or deep population: each
 * multiplies database work per request. The request is refused with the limit named, rather than
 * silently trimmed, so a site developer sees at once why their query changed. GraphQL's
 * `pagination: false` is refused by paginationOnlyForStaffRule before it gets here.
 */
export const limitPublicReadsBeforeOperation =
  (options: ResolvedDeliveryApiOptions): CollectionBeforeOperationHook =>
  ({ args, collection, operation, req }) => {
    // The server's own reads with access overridden are code, not a client's request (as for the
    // query bounds): the public search ranks up to 500 index entries in one read.
    if ((operation !== 'read' && operation !== 'readDistinct') || options.isStaff(req.user) || (args as { overrideAccess?: boolean }).overrideAccess === true) {
      return args
    }
    const { depth, limit, pagination } = args as { depth?: number | string; limit?: number | string; pagination?: unknown }
    if (clientAskedForAllDocuments(req, collection.slug, pagination)) {
      throw new QueryRefusedError(`pagination=false is for staff only; public clients page with limit (at most ${options.rest.maxPublicLimit}) and page.`)
    }
    if (limit !== undefined && (Number(limit) > options.rest.maxPublicLimit || Number(limit) <= 0)) {
      throw new QueryRefusedError(`limit must be between 1 and ${options.rest.maxPublicLimit} for public clients.`)
    }
    if (depth !== undefined && Number(depth) > options.rest.maxPublicDepth) {
      throw new QueryRefusedError(`depth may be at most ${options.rest.maxPublicDepth} for public clients.`)
    }
    return args
  }
