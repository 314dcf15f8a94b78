import type { CollectionConfig } from 'payload'

import { countryField } from '@/fields/country'
import { phoneField } from '@/fields/phone'
import { slugField } from '@/fields/slug'
import { staffOnly } from '@/fields/staffOnly'
import { urlField } from '@/fields/url'
import { languageOptions } from '@/lib/languages'
import { defaultIntervalDays } from '@/lib/verification'
import { hotlineAudiences, weekdays } from '@/lib/vocabularies'

import { contentAccess, contentVersions, publishedListIndex } from '../shared/content'
import { findHotlinesEndpoint } from './endpoints/find'
import { computeNextDueAtAfterRead, computeVerificationStatusAfterRead } from './hooks/computeVerification'

const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/

const timeZoneOptions = Intl.supportedValuesOf('timeZone')
  .filter((zone) => zone.startsWith('Europe/') || zone === 'UTC')
  .map((zone) => ({ label: zone, value: zone }))

export const Hotlines: CollectionConfig = {
  slug: 'hotlines',
  access: contentAccess,
  admin: {
    defaultColumns: ['name', 'country', 'phone', 'verification', 'updatedAt'],
    description: 'Numbers people in danger will call. Check each one against its operator before publishing.',
    group: 'Directory',
    useAsTitle: 'name',
  },
  endpoints: [findHotlinesEndpoint],
  fields: [
    // Printed on the pocket card's back and shown as the hotline widget's heading: a translation
    // longer than these breaks the line (QA: maximum length).
    { name: 'name', type: 'text', custom: { maxTranslationLength: 60 }, localized: true, required: true },
    slugField('name'),
    countryField({ allowEU: true, index: true, required: true }),
    phoneField('phone', { required: true }),
    {
      name: 'alternativeNumbers',
      type: 'array',
      fields: [
        phoneField('number', { countryPath: 'country', required: true }),
        { name: 'label', type: 'text', custom: { maxTranslationLength: 40 }, localized: true },
      ],
    },
    {
      type: 'row',
      fields: [phoneField('sms'), urlField('chat'), { name: 'email', type: 'email' }, urlField('website')],
    },
    { name: 'audiences', type: 'select', hasMany: true, options: hotlineAudiences },
    {
      name: 'languages',
      type: 'select',
      admin: { description: 'Languages the operators speak (ISO 639-1).' },
      hasMany: true,
      options: languageOptions,
    },
    {
      name: 'availability',
      type: 'group',
      fields: [
        { name: 'alwaysOpen', type: 'checkbox', defaultValue: false, label: 'Open 24/7' },
        {
          name: 'hours',
          type: 'array',
          admin: { condition: (_, siblingData) => !siblingData?.alwaysOpen },
          fields: [
            { name: 'days', type: 'select', hasMany: true, options: weekdays, required: true },
            {
              type: 'row',
              fields: [
                {
                  name: 'opens',
                  type: 'text',
                  required: true,
                  validate: (value: null | string | undefined) => (value && timeOfDay.test(value) ? true : 'Use HH:MM, e.g. 09:00.'),
                },
                {
                  name: 'closes',
                  type: 'text',
                  required: true,
                  validate: (value: null | string | undefined) => (value && timeOfDay.test(value) ? true : 'Use HH:MM, e.g. 17:30.'),
                },
              ],
            },
          ],
        },
        { name: 'timeZone', type: 'select', defaultValue: 'Europe/Brussels', options: timeZoneOptions },
      ],
    },
    { name: 'freeOfCharge', type: 'checkbox', defaultValue: true },
    { name: 'operatingPartner', type: 'relationship', relationTo: 'partners' },
    { name: 'notes', type: 'textarea', localized: true },
    {
      name: 'verification',
      type: 'group',
      admin: {
        components: { Cell: '@/components/VerificationStatusCell#VerificationStatusCell' },
        description: `A number must be re-checked every interval; it shows as due ${30} days before and overdue after.`,
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'lastVerifiedAt', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
            staffOnly({ name: 'lastVerifiedBy', type: 'relationship', relationTo: 'users' }),
            {
              name: 'intervalDays',
              type: 'number',
              defaultValue: defaultIntervalDays,
              label: 'Re-verify every (days)',
              max: 730,
              min: 1,
            },
          ],
        },
        {
          name: 'status',
          type: 'select',
          admin: { readOnly: true },
          hooks: { afterRead: [computeVerificationStatusAfterRead] },
          options: ['current', 'due', 'overdue', 'unverified'],
          virtual: true,
        },
        {
          name: 'nextDueAt',
          type: 'date',
          admin: { readOnly: true },
          hooks: { afterRead: [computeNextDueAtAfterRead] },
          virtual: true,
        },
      ],
    },
  ],
  indexes: publishedListIndex(),
  versions: contentVersions,
}
