import type { CollectionBeforeOperationHook } from 'payload'

import { NotFound } from 'payload'

import type { QueryBounds } from '../utilities/queryBounds'

import { QueryRefusedError } from '../errors'
import { idKindOf } from '../utilities/idKinds'
import { isIdOfKind, whereProblem } from '../utilities/queryBounds'

/**
 * For every caller, staff included (but not the server's own system reads): a `where` beyond the bounds is refused with 400 naming the
 * bound, before it becomes a database query; an id that cannot exist on this database (`abc` or
 * `1e309` for SQLite's integer ids, a malformed ObjectId on MongoDB) is 404 for the document routes
 * and 400 inside `where`, instead of a driver error answered 500 with the SQL in the error log.
 */
export const boundQueriesBeforeOperation =
  (bounds: QueryBounds): CollectionBeforeOperationHook =>
  ({ args, collection, req }) => {
    const { id, overrideAccess, where } = args as { id?: unknown; overrideAccess?: boolean; where?: unknown }
    const idKind = idKindOf(req.payload, collection.slug)
    // Payload's REST handlers parse a route id leniently before this runs (`/hotlines/1' OR 1`
    // reads document 1), so the id as the client wrote it in the path is checked too.
    const routeId = req.routeParams?.collection === collection.slug ? req.routeParams.id : undefined
    if ((id !== undefined && !isIdOfKind(id, idKind)) || (typeof routeId === 'string' && !isIdOfKind(routeId, idKind))) {
      throw new NotFound(req.t)
    }
    const isPointField = (name: string) => collection.flattenedFields.some((field) => field.name === name && field.type === 'point')
    // The bounds are for what callers send. The server's own system reads (access overridden) are
    // code, not input: an XLIFF import of 1,000 documents asks for their 1,000 ids in one query.
    const problem = where === undefined || overrideAccess === true ? undefined : whereProblem(where, bounds, idKind, isPointField)
    if (problem) {
      throw new QueryRefusedError(problem)
    }
    return args
  }
