import type { GlobalAfterReadHook, GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { countryField } from '@/fields/country'
import { participantsTrainedTotal } from '@/lib/programmeProgress'

/** Target and share are worked out on read from the stored count, so a changed target shows at once. */
const progressAgainstTargetAfterRead: GlobalAfterReadHook = async ({ doc, req }) => {
  // Settings saved before the count was stored have none until their next save or the next report.
  const trained = doc.progress?.participantsTrained ?? (await participantsTrainedTotal(req))
  const target = Number(doc.participantTarget) || 0
  return {
    ...doc,
    progress: { participantsTrained: trained, percentOfTarget: target ? Math.round((trained / target) * 1000) / 10 : null, target },
  }
}

export const Programme: GlobalConfig = {
  slug: 'programme',
  access: { read: anyone, update: canEditContent },
  admin: { group: 'Programme' },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true },
    { name: 'fundingStatement', type: 'textarea', localized: true },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'durationMonths', type: 'number', min: 1 },
        { name: 'participantTarget', type: 'number', min: 0 },
      ],
    },
    countryField({ name: 'pilotCountries', hasMany: true }),
    {
      name: 'conclusionConference',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
            { name: 'place', type: 'text', localized: true },
            { name: 'expectedParticipants', type: 'number', min: 0 },
          ],
        },
      ],
    },
    { name: 'contactEmail', type: 'email' },
    {
      name: 'progress',
      type: 'group',
      admin: { readOnly: true },
      fields: [
        {
          name: 'participantsTrained',
          type: 'number',
          // Counted by the server on every save (and on every report change), whatever a client sends.
          hooks: { beforeChange: [({ req }) => participantsTrainedTotal(req)] },
        },
        { name: 'target', type: 'number', virtual: true },
        { name: 'percentOfTarget', type: 'number', virtual: true },
      ],
    },
  ],
  hooks: { afterRead: [progressAgainstTargetAfterRead] },
}
