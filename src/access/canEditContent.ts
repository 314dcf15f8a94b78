import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins write programme content; translators and steering members only read it here. */
export const canEditContent: Access = ({ req: { user } }) => hasRole(user, 'editor') || hasRole(user, 'admin')
