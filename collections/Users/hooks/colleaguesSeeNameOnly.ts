import type { CollectionAfterReadHook, CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { Forbidden } from 'payload'

import { isStaffUser } from '@/access/isStaff'
import { hasRole } from '@/access/roles'

/**
 * Staff see a colleague's name and nothing else (finding 16): not the e-mail, roles or languages,
 * nor fields other plugins add to accounts (the translation workflow's notification switches).
 * An allowlist, so a field added later is private until someone decides otherwise. Admins and the
 * account's owner see everything; reads with access overridden (system code, e.g. e-mail
 * notifications) are not affected.
 */
const visibleOfColleagues = new Set(['id', 'name'])

const seesEverything = (req: PayloadRequest, overrideAccess: boolean | undefined) => Boolean(overrideAccess) || hasRole(req.user, 'admin')

export const colleaguesSeeNameOnlyAfterRead: CollectionAfterReadHook = ({ doc, overrideAccess, req }) => {
  if (seesEverything(req, overrideAccess) || (isStaffUser(req.user) && String(doc.id) === String(req.user!.id))) {
    return doc
  }
  return Object.fromEntries(Object.entries(doc as Record<string, unknown>).filter(([key]) => visibleOfColleagues.has(key)))
}

/** Every field path a `where` names, through `and`/`or`. */
function* wherePaths(where: undefined | Where): Generator<string> {
  const pending: Where[] = where ? [where] : []
  while (pending.length) {
    for (const [key, value] of Object.entries(pending.pop()!)) {
      // Payload accepts either case (GraphQL sends AND/OR); read as field names, they were refused.
      if ((key.toLowerCase() === 'and' || key.toLowerCase() === 'or') && Array.isArray(value)) {
        pending.push(...(value as Where[]))
      } else {
        yield key
      }
    }
  }
}

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []).map((path) => String(path).trim().replace(/^-/, ''))

type QueryArgs = { field?: string; overrideAccess?: boolean; sort?: unknown; where?: Where }

/**
 * Filtering or sorting on a hidden field would reveal its values one guess at a time, so a
 * non-admin may query colleagues by id and name only (403 otherwise; the answer is the same whether
 * or not any account matches). Payload's field access already refuses e-mail and roles; this also
 * covers the fields it does not guard.
 */
export const colleaguesQueryNameOnlyBeforeOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' && operation !== 'count' && operation !== 'readDistinct') {
    return args
  }
  const query = args as QueryArgs
  if (seesEverything(req, query.overrideAccess)) {
    return args
  }
  const paths = [...wherePaths(query.where), ...sortPaths(query.sort), ...(query.field ? [query.field] : [])]
  if (paths.some((path) => !visibleOfColleagues.has(path.split('.')[0]!))) {
    throw new Forbidden(req.t)
  }
  return args
}
