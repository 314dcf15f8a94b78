import type { Access, FieldAccess, PayloadRequest } from 'payload'

/** Any signed-in member of staff (admin, editor, translator, steering), never an API client. */
export const isStaffUser = (user: PayloadRequest['user']): boolean => Boolean(user && user.collection === 'users')

export const isStaff: Access = ({ req: { user } }) => isStaffUser(user)

export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)
