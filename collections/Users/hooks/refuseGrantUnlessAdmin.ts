import type { FieldHook } from 'payload'

import { Forbidden } from 'payload'

import { hasRole } from '@/access/roles'

const sameSelection = (a: unknown, b: unknown) =>
  JSON.stringify([...((a as null | string[]) ?? [])].sort()) === JSON.stringify([...((b as null | string[]) ?? [])].sort())

/**
 * Field access alone would silently drop a non-admin's change to roles or languages; refusing it
 * with 403 tells the caller plainly. Sending the unchanged value back (as the account form does) is
 * fine.
 */
export const refuseGrantUnlessAdminBeforeValidate: FieldHook = ({ overrideAccess, previousValue, req, value }) => {
  if (overrideAccess || value === undefined || hasRole(req.user, 'admin')) {
    return value
  }
  if (!sameSelection(value, previousValue)) {
    throw new Forbidden(req.t)
  }
  return value
}
