import type { GlobalAfterReadHook, GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { countryField } from '@/fields/country'
import { trainedSectors } from '@/lib/vocabularies'

/**
 * Participants trained so far: the sum over published pilot-country evaluations, so the public
 * figure only moves when an evaluation is published. Reads the database directly: this runs on every
 * public read of the programme and needs only numbers, not the reports' hooks and population.
 */
const computeProgressAfterRead: GlobalAfterReadHook = async ({ doc, req }) => {
  const { docs } = await req.payload.db.find<{ participantsTrained?: Record<string, unknown> }>({
    collection: 'reports',
    pagination: false,
    req,
    select: { participantsTrained: true },
    where: { and: [{ type: { equals: 'pilot-country-evaluation' } }, { _status: { equals: 'published' } }] },
  })
  const trained = docs.reduce(
    (sum, report) =>
      sum +
      trainedSectors.reduce(
        (subtotal, { value }) => subtotal + (Number(report.participantsTrained?.[value]) || 0),
        0,
      ),
    0,
  )
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
        { name: 'participantsTrained', type: 'number' },
        { name: 'target', type: 'number' },
        { name: 'percentOfTarget', type: 'number' },
      ],
      virtual: true,
    },
  ],
  hooks: { afterRead: [computeProgressAfterRead] },
}
