import type { FieldAccess } from 'payload'

import { canEditContent } from './canEditContent'

/** The field-level form of canEditContent, for a field only editors and admins may set. */
export const canEditContentField: FieldAccess = ({ req }) => canEditContent({ req }) === true
