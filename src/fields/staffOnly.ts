import type { Field } from 'payload'

import { isStaffField } from '@/access/isStaff'

import { NEVER_SEND_KEY } from '../../plugins/translation-interchange/constants'

/**
 * Marks a field as staff-only: never in a public REST or GraphQL response, and — since Payload
 * checks field read access on `where` and `sort` — not usable to filter or order public queries.
 * Nor sent to a machine-translation provider: what staff keep from the public does not go to a
 * third party either, whatever the never-send list in plugins/index.ts remembers to name.
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
    custom: { ...field.custom, [NEVER_SEND_KEY]: true },
  } as T
}
