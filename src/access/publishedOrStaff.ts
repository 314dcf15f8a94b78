import type { Access } from 'payload'

import { isStaffUser } from './isStaff'

/** Staff read drafts too; everyone else sees published documents only. */
export const publishedOrStaff: Access = ({ req: { user } }) =>
  isStaffUser(user) || { _status: { equals: 'published' } }
