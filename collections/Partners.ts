import type { CollectionConfig } from 'payload'

import { countryField } from '@/fields/country'
import { slugField } from '@/fields/slug'
import { staffOnly } from '@/fields/staffOnly'
import { urlField } from '@/fields/url'
import { partnerRoles, partnerSectors } from '@/lib/vocabularies'

import { contentAccess, contentVersions, publishedListIndex } from './shared/content'

export const Partners: CollectionConfig = {
  slug: 'partners',
  access: contentAccess,
  admin: {
    defaultColumns: ['name', 'acronym', 'country', 'sector', 'role'],
    group: 'Programme',
    useAsTitle: 'name',
  },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true },
    slugField('name'),
    { name: 'acronym', type: 'text', maxLength: 20 },
    {
      type: 'row',
      fields: [
        countryField({ admin: { description: 'EU member states and third countries alike.' }, required: true }),
        { name: 'sector', type: 'select', options: partnerSectors, required: true },
        { name: 'role', type: 'select', defaultValue: 'partner', options: partnerRoles },
      ],
    },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    urlField('website'),
    { name: 'description', type: 'richText', localized: true },
    staffOnly({ name: 'contactPerson', type: 'text' }),
    staffOnly({ name: 'contactEmail', type: 'email' }),
  ],
  indexes: publishedListIndex(),
  versions: contentVersions,
}
