import type { Field } from 'payload'

import { isStaffField } from '@/access/isStaff'

/**
 * Marks a field as staff-only: never in a public REST or GraphQL response, and — since Payload
 * checks field read access on `where` and `sort` — not usable to filter or order public queries.
 */
export function staffOnly<T extends Field>(field: T): T {
  return {
    ...field,
    access: { ...('access' in field ? field.access : {}), read: isStaffField },
    admin: {
      ...field.admin,
      description: [field.admin && 'description' in field.admin ? field.admin.description : undefined, 'Staff only: never published.']
        .filter(Boolean)
        .join(' '),
    },
  } as T
}
