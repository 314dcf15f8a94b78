import type { CollectionConfig } from 'payload'

import type { CollectionOverride } from '../types'

/**
 * A generated collection with the project's override applied: `access` and `admin` merged key by
 * key (overriding who may read keeps the generated create rule), `hooks` appended after the
 * generated ones (the memory's hook keeps its lookup index right), other keys replaced, `fields` built
 * from the generated ones. The slug stays the one `slugs` gave: the plugin finds its collections by it.
 */
export const applyCollectionOverride = (collection: CollectionConfig, override: CollectionOverride | undefined): CollectionConfig => {
  if (!override) {
    return collection
  }
  const { access, admin, fields, hooks, ...rest } = override
  const mergedHooks = { ...collection.hooks }
  for (const [name, added] of Object.entries(hooks ?? {}) as Array<[keyof typeof mergedHooks, unknown[] | undefined]>) {
    mergedHooks[name] = [...(collection.hooks?.[name] ?? []), ...(added ?? [])] as never
  }
  return {
    ...collection,
    ...rest,
    slug: collection.slug,
    access: { ...collection.access, ...access },
    admin: { ...collection.admin, ...admin },
    fields: fields ? fields({ defaultFields: collection.fields }) : collection.fields,
    hooks: mergedHooks,
  }
}
