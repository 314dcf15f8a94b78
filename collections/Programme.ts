import type { GlobalAfterReadHook, GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { isStaffField, isStaffUser } from '@/access/isStaff'
import { countryField } from '@/fields/country'
import { participantsTrainedTotals } from '@/lib/programmeProgress'

/**
 * Target and share are worked out on read from the stored count, so a changed target shows at
 * once; the share is of the public figure. Runs after field access has removed the staff-only
 * figure for other readers, so it adds that figure back for staff only.
 */
const progressAgainstTargetAfterRead: GlobalAfterReadHook = async ({ doc, req }) => {
  const stored = doc.progress as undefined | { participantsTrained?: null | number; participantsTrainedInternal?: null | number }
  const staff = isStaffUser(req.user)
  // Settings saved before the counts were stored have none until their next save or the next report.
  const missing = typeof stored?.participantsTrained !== 'number' || (staff && typeof stored.participantsTrainedInternal !== 'number')
  const counted = missing ? await participantsTrainedTotals(req) : undefined
  const trained = counted?.public ?? (stored?.participantsTrained as number)
  const target = Number(doc.participantTarget) || 0
  return {
    ...doc,
    progress: {
      participantsTrained: trained,
      ...(staff ? { participantsTrainedInternal: counted?.all ?? stored?.participantsTrainedInternal } : {}),
      percentOfTarget: target ? Math.round((trained / target) * 1000) / 10 : null,
      target,
    },
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
          admin: { description: 'Published public pilot-country evaluations only.' },
          // Counted by the server on every save (and on every report change), whatever a client sends.
          hooks: { beforeChange: [async ({ req }) => (await participantsTrainedTotals(req)).public] },
        },
        {
          name: 'participantsTrainedInternal',
          type: 'number',
          access: { read: isStaffField },
          admin: { description: 'Staff only: published pilot-country evaluations, internal ones included.' },
          hooks: { beforeChange: [async ({ req }) => (await participantsTrainedTotals(req)).all] },
        },
        { name: 'target', type: 'number', virtual: true },
        { name: 'percentOfTarget', type: 'number', virtual: true },
      ],
    },
  ],
  hooks: { afterRead: [progressAgainstTargetAfterRead] },
}
