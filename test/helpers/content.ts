import type { Payload } from 'payload'

import { paragraphs } from '@/lib/richText'

let counter = 0
const unique = (prefix: string) => `${prefix} ${++counter} ${Date.now()}`

/** Test fixtures made directly (setup, not an action under test). Published unless told otherwise. */
export async function createPhase(payload: Payload, data: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'phases',
    data: { _status: 'published', number: 1, summary: paragraphs('A phase.'), title: unique('Phase'), ...data } as never,
    overrideAccess: true,
  })
}

export async function createPartner(payload: Payload, data: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'partners',
    data: {
      name: unique('Partner'),
      _status: 'published',
      contactEmail: 'private.contact@example.org',
      contactPerson: 'Private Person',
      country: 'BE',
      sector: 'ngo',
      ...data,
    } as never,
    overrideAccess: true,
  })
}

export async function createReport(payload: Payload, data: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'reports',
    data: { type: 'evaluation-report', _status: 'published', title: unique('Report'), visibility: 'public', ...data } as never,
    overrideAccess: true,
  })
}

export async function createDeliverable(payload: Payload, data: Record<string, unknown> & { phase: number | string }) {
  return payload.create({
    collection: 'deliverables',
    data: { type: 'other', _status: 'published', title: unique('Deliverable'), ...data } as never,
    overrideAccess: true,
  })
}

export async function createHotline(payload: Payload, data: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'hotlines',
    data: { name: unique('Hotline'), _status: 'published', country: 'BE', phone: '+3232011690', ...data } as never,
    overrideAccess: true,
  })
}

export async function createModule(payload: Payload, data: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'training-modules',
    data: { _status: 'published', code: `M${++counter}`, title: unique('Module'), ...data } as never,
    overrideAccess: true,
  })
}

/**
 * Records a `go` on the phase's gate directly, as if the steering group had released it: fixtures
 * for tests about something else than the gate itself (test/phase-gate/ walks the real rounds).
 */
export async function releasePhase(payload: Payload, phaseId: number | string) {
  await payload.update({
    collection: 'gates',
    data: { decidedAt: new Date().toISOString(), decision: 'go' },
    overrideAccess: true,
    where: { phase: { equals: phaseId } },
  })
}

/** GraphQL names collection enums with underscores where the API value has dashes. */
export const graphqlEnum = (value: string) => value.replace(/-/g, '_')
