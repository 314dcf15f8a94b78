import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins reach every user; anyone else only their own account. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') {
    return false
  }
  return hasRole(user, 'admin') || { id: { equals: user.id } }
}
