import type { PayloadRequest, Where } from 'payload'

/**
 * A collection `beforeOperation` hook's `args` for a create or update, as the plugins read them:
 * Payload types them as a union over every operation, which names none of the publication flags.
 */
export type WriteOperationArgs = {
  data?: Record<string, unknown>
  draft?: boolean
  id?: number | string
  overrideAccess?: boolean
  publishAllLocales?: boolean
  publishSpecificLocale?: string
  req: PayloadRequest
  unpublishAllLocales?: boolean | string
  where?: Where
}
