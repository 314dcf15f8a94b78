import type { Access, Where } from 'payload'

import { isStaffUser } from './isStaff'

const publishedAndPublic: Where = {
  and: [{ _status: { equals: 'published' } }, { visibility: { equals: 'public' } }],
}

/** Internal reports (and drafts) never reach anyone outside the programme's staff. */
export const publicReportsOrStaff: Access = ({ req: { user } }) => isStaffUser(user) || publishedAndPublic
