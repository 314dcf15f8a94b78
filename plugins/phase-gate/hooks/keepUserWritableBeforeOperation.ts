import type { CollectionBeforeOperationHook } from 'payload'

/**
 * A person writes only the fields named here; everything else on the plugin's collections is
 * recorded by the plugin itself (who opened a round, its snapshot, the decision …). The admin UI
 * sends whole documents back, so other values are dropped rather than refused. The plugin's own
 * writes (`overrideAccess`) are untouched.
 */
export const keepUserWritableBeforeOperation =
  (writable: { create: string[]; update: string[] }): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    if ((operation !== 'create' && operation !== 'update') || args.overrideAccess || !args.data) {
      return args
    }
    const keep = writable[operation]
    return { ...args, data: Object.fromEntries(Object.entries(args.data as Record<string, unknown>).filter(([key]) => keep.includes(key))) }
  }
