import type { CollectionBeforeChangeHook } from 'payload'

import { CONTEXT_KEYS } from '../constants'

/**
 * A non-draft write that names no `_status` keeps the document's publication state. Payload would
 * take the status of the latest version instead, and after a per-locale publish the latest version
 * is the draft snapshot Payload keeps beside it: the next such write (say, a PATCH of one field)
 * would silently unpublish the document. Registered only with `publishLocalesSeparately`.
 */
export const keepPublicationStatusBeforeChange: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || context[CONTEXT_KEYS.keepStatus] !== collection.slug || !originalDoc?.id) {
    return data
  }
  const stored = (await req.payload.db.findOne({ collection: collection.slug, req, where: { id: { equals: originalDoc.id } } })) as null | {
    _status?: string
  }
  return stored?._status ? { ...data, _status: stored._status } : data
}
