import type { CollectionConfig } from 'payload'

import type { ResolvedPublicSearchOptions } from '../types'

const nobody = () => false

/**
 * The index: one entry per published document and locale that has text of its own (the default
 * locale always). Written only by the plugin's hooks and rebuild through the Local API; nobody
 * reads or writes it over the API, since an entry holds the words of a document even after a
 * gate's "no" has withdrawn it: the search checks each hit against the reader's own access.
 */
export const searchEntriesCollection = ({ slug, collections }: ResolvedPublicSearchOptions): CollectionConfig => ({
  slug,
  access: { create: nobody, delete: nobody, read: nobody, readVersions: nobody, unlock: nobody, update: nobody },
  admin: { hidden: true },
  fields: [
    // `collection:id:locale`, so that a rebuild and a concurrent publish cannot both create one.
    { name: 'key', type: 'text', index: true, required: true, unique: true },
    // `collection:id`: every entry of a document, for a publish that rewrites them all.
    { name: 'doc', type: 'text', index: true, required: true },
    { name: 'collection', type: 'select', options: collections.map(({ slug: searched }) => searched), required: true },
    { name: 'docId', type: 'text', required: true },
    { name: 'locale', type: 'text', index: true, required: true },
    // Empty where a document has no title in that locale or the fallback's (it is still found by its body).
    { name: 'title', type: 'text' },
    { name: 'snippet', type: 'text' },
    // What was indexed, so a save that changes none of it writes nothing.
    { name: 'hash', type: 'text', required: true },
    { name: 'keys', type: 'text', hasMany: true, index: true },
  ],
  graphQL: false,
  timestamps: true,
})
