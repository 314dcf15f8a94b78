import type { CollectionSlug, Payload, Where } from 'payload'

import { paragraphs } from '@/lib/richText'
import { slugify } from '@/lib/slugify'

import * as content from './programmeContent'

type Log = (message: string) => void

/**
 * Creates the document matching `where`, or updates it: running the seed again changes nothing
 * that is already there and never duplicates. Seeding is a system action, hence access off.
 */
async function upsert(payload: Payload, collection: CollectionSlug, where: Where, data: Record<string, unknown>) {
  const { docs } = await payload.find({ collection, depth: 0, draft: true, limit: 1, overrideAccess: true, where })
  if (docs[0]) {
    return payload.update({ id: docs[0].id, collection, data, draft: false, overrideAccess: true })
  }
  return payload.create({ collection, data, draft: false, overrideAccess: true })
}

/** Loads the programme, its phases, deliverables, coordinator, curriculum skeleton and EU hotlines. */
export async function seedProgramme(payload: Payload, log: Log = (message) => payload.logger.info(message)) {
  const steps = 6
  let step = 0
  const progress = (message: string) => log(`[seed ${++step}/${steps}] ${message}`)

  await payload.updateGlobal({ slug: 'programme', data: content.programme as never, overrideAccess: true })
  progress('programme settings')

  const phaseIds = new Map<number, number | string>()
  for (const phase of content.phases) {
    const doc = await upsert(payload, 'phases', { number: { equals: phase.number } }, {
      slug: slugify(phase.title),
      _status: 'published',
      endDate: phase.endDate,
      keyActivities: phase.activities,
      number: phase.number,
      objectives: phase.objectives.map((objective) => ({ objective })),
      startDate: phase.startDate,
      summary: paragraphs(...phase.summary),
      title: phase.title,
    })
    phaseIds.set(phase.number, doc.id)
  }
  progress(`${content.phases.length} phases with their key activities`)

  const coordinator = await upsert(payload, 'partners', { slug: { equals: slugify(content.coordinator.name) } }, {
    ...content.coordinator,
    slug: slugify(content.coordinator.name),
    _status: 'published',
  })
  progress('the coordinating NGO')

  for (const deliverable of content.deliverables) {
    const slug = slugify(deliverable.title).slice(0, 80)
    await upsert(payload, 'deliverables', { slug: { equals: slug } }, {
      ...deliverable,
      ...('indicators' in deliverable && deliverable.indicators ? { indicators: deliverable.indicators.map((indicator) => ({ indicator })) } : {}),
      slug,
      _status: 'published',
      phase: phaseIds.get(deliverable.phase),
      responsiblePartners: [coordinator.id],
      workStatus: 'not-started',
    })
  }
  progress(`${content.deliverables.length} expected deliverables`)

  const moduleIds: Array<number | string> = []
  for (const [index, trainingModule] of content.trainingModules.entries()) {
    const doc = await upsert(payload, 'training-modules', { code: { equals: trainingModule.code } }, {
      ...trainingModule,
      slug: slugify(`${trainingModule.code} ${trainingModule.title}`),
      _status: 'published',
      order: index + 1,
      phase: phaseIds.get(3),
      // Each module builds on the one before: a starting point for the Expert Group to rework.
      prerequisites: moduleIds.slice(-1),
    })
    moduleIds.push(doc.id)
  }
  progress(`${content.trainingModules.length} training modules (skeleton curriculum)`)
  // The printed manual carries the whole curriculum, in order.
  await payload.update({
    collection: 'deliverables',
    data: { trainingModules: moduleIds } as never,
    overrideAccess: true,
    where: { type: { equals: 'practitioners-manual' } },
  })

  for (const hotline of content.hotlines) {
    const slug = slugify(`${hotline.name} ${hotline.phone}`)
    await upsert(payload, 'hotlines', { slug: { equals: slug } }, {
      ...hotline,
      slug,
      _status: 'published',
      availability: { alwaysOpen: true },
      country: 'EU',
      freeOfCharge: true,
      notes: 'EU-wide harmonised number: availability and languages differ by country. Not yet verified.',
      // Deliberately no lastVerifiedAt: the directory shows these as unverified until someone checks.
      verification: { intervalDays: 180 },
    })
  }
  progress(`${content.hotlines.length} EU-wide hotlines, marked unverified`)
}

/** True when the database holds no programme content yet (first start). */
export async function isProgrammeEmpty(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'phases', overrideAccess: true })
  return totalDocs === 0
}
