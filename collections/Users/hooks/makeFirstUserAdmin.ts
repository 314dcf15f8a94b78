import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The first account, created on the admin's first-user screen, must be able to administer the CMS;
 * Payload creates it with access checks off, so whatever roles the form sent are replaced here.
 */
export const makeFirstUserAdminBeforeChange: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') {
    return data
  }
  const { totalDocs } = await req.payload.count({ collection: collection.slug, req })
  if (totalDocs === 0) {
    return { ...data, roles: ['admin'] }
  }
  return data
}
