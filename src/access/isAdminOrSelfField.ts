import type { FieldAccess } from 'payload'

import { isStaffUser } from './isStaff'
import { hasRole } from './roles'

/**
 * Admins, and the signed-in user on their own account. Without a document (a `where` or `sort` on
 * the field) only admins pass, so other staff cannot probe the values by filtering either.
 */
export const isAdminOrSelfField: FieldAccess = ({ doc, req: { user } }) =>
  hasRole(user, 'admin') || (isStaffUser(user) && doc?.id !== undefined && String(doc.id) === String(user!.id))
