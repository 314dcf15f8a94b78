import type { PayloadRequest, Where } from 'payload'

import type { ResolvedPrintOptions } from '../types'

import { relationId } from '../../shared'
import { RENDER_PRINTS_TASK_SLUG } from '../constants'

type Id = number | string

/** Which deliverables a write may change the print of: by id, or every printed deliverable. */
export type Affected = {
  all?: boolean
  deliverables?: Id[]
  dependencyKeys?: string[]
  /** Render again even where the printed content is unchanged (an editor's explicit request). */
  rerender?: boolean
}

/** The deliverables whose type has a print template (`pagination: false`: a system read, bounded by the programme's size). */
export async function printedDeliverables(req: PayloadRequest, options: ResolvedPrintOptions, where?: Where): Promise<Id[]> {
  const types: Where = { type: { in: Object.keys(options.sources.templates) } }
  const { docs } = await req.payload.find({
    collection: options.sources.deliverables,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
    where: where ? { and: [types, where] } : types,
  })
  return docs.map(({ id }) => id)
}

export async function queueRefresh(req: PayloadRequest, deliverable: Id, waitUntil?: Date) {
  await req.payload.jobs.queue({
    input: {
      deliverable: String(deliverable),
      ...(waitUntil ? { expiryCheck: true } : {}),
    } as never,
    req,
    task: RENDER_PRINTS_TASK_SLUG as never,
    ...(waitUntil ? { waitUntil } : {}),
  })
}

/**
 * Marks the editions a write may have changed stale, in the write's own transaction, before its
 * response returns: from that moment the public is no longer given them (a corrected hotline
 * number must not stay downloadable on the old card), and the admin shows them stale. Then queues
 * the worker for every affected deliverable; it confirms an edition whose printed content is in
 * fact unchanged, without rendering it again.
 */
export async function markStale(req: PayloadRequest, options: ResolvedPrintOptions, affected: Affected): Promise<void> {
  const conditions: Where[] = []
  if (affected.deliverables?.length) {
    conditions.push({ deliverable: { in: affected.deliverables } })
  }
  if (affected.dependencyKeys?.length) {
    conditions.push({ dependsOn: { in: affected.dependencyKeys } })
  }
  if (!affected.all && !conditions.length) {
    return
  }
  const { docs } = await req.payload.update({
    collection: options.slugs.editions,
    // Any new value will do: the worker compares the generation it started from for equality.
    data: {
      generation: Date.now(),
      offered: false,
      status: 'stale',
      ...(affected.rerender ? { version: null } : {}),
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
    where: affected.all ? {} : { or: conditions },
  })
  const editions = docs.map(({ id }) => id)
  if (editions.length) {
    await req.payload.update({
      collection: options.slugs.files,
      data: { offered: false } as never,
      overrideAccess: true,
      req,
      where: { edition: { in: editions } },
    })
  }
  const deliverables = new Set<string>((affected.all ? await printedDeliverables(req, options) : (affected.deliverables ?? [])).map(String))
  for (const edition of docs) {
    const id = relationId((edition as { deliverable?: unknown }).deliverable)
    if (id !== null) {
      deliverables.add(String(id))
    }
  }
  for (const deliverable of deliverables) {
    await queueRefresh(req, deliverable)
  }
}
