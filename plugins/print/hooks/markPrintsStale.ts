import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, PayloadRequest, Where } from 'payload'

import type { Affected } from '../operations/staleness'
import type { ResolvedPrintOptions } from '../types'

import { relationId } from '../../shared'
import { markStale, printedDeliverables } from '../operations/staleness'

type Id = number | string
type Doc = Record<string, unknown> & { id: Id }

/** Which prints a document of a source collection can be part of, before and after the write. */
async function affectedBy(req: PayloadRequest, options: ResolvedPrintOptions, collection: string, docs: Doc[]): Promise<Affected> {
  const { deliverables, hotlines, templates, trainingModules } = options.sources
  const dependencyKeys = docs.map((doc) => `${collection}:${doc.id}`)
  if (collection === deliverables) {
    return { deliverables: docs.map((doc) => doc.id), dependencyKeys }
  }
  if (collection === trainingModules) {
    return {
      deliverables: await printedDeliverables(req, options, {
        trainingModules: { in: docs.map((doc) => doc.id) },
      }),
      dependencyKeys,
    }
  }
  if (collection === hotlines) {
    // A number joins or leaves the directory and the pocket cards of its country (of every country, when EU-wide).
    const countries = [...new Set(docs.map((doc) => String(doc.country ?? '')))].filter(Boolean)
    const typesOf = (template: string) => Object.keys(templates).filter((type) => templates[type] === template)
    const cards: Where = countries.includes('EU') ? {} : { printCountry: { in: countries } }
    return {
      deliverables: await printedDeliverables(req, options, {
        or: [{ type: { in: typesOf('hotline-directory') } }, { and: [{ type: { in: typesOf('pocket-card') } }, cards] }],
      }),
      dependencyKeys,
    }
  }
  const standsFor = options.sources.watchedVia[collection]
  if (standsFor) {
    const named = [...new Set(docs.map((doc) => relationId(doc[standsFor.field])).filter((id): id is Id => id !== null))]
    return affectedBy(
      req,
      options,
      standsFor.target,
      named.map((id) => ({ id })),
    )
  }
  // A watched collection (the phases, whose gates release content) changes what is public of what names it.
  const via = options.sources.watchedBy[collection]
  if (!via) {
    return { all: true }
  }
  const ids = docs.map((doc) => doc.id)
  const naming = (fields: string[]): Where[] => fields.map((field) => ({ [field]: { in: ids } }))
  const conditions = naming(via.deliverables)
  if (via.trainingModules.length) {
    const { docs: modules } = await req.payload.find({
      collection: trainingModules,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: {},
      where: { or: naming(via.trainingModules) },
    })
    if (modules.length) {
      conditions.push({ trainingModules: { in: modules.map(({ id }) => id) } })
    }
  }
  return { deliverables: conditions.length ? await printedDeliverables(req, options, { or: conditions }) : [] }
}

export const markPrintsStaleAfterChange =
  (options: ResolvedPrintOptions, collection: string): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const docs = [doc as Doc, ...(previousDoc?.id !== undefined ? [previousDoc as Doc] : [])]
    await markStale(req, options, await affectedBy(req, options, collection, docs))
    return doc
  }

export const markPrintsStaleAfterDelete =
  (options: ResolvedPrintOptions, collection: string): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await markStale(req, options, await affectedBy(req, options, collection, [doc as Doc]))
  }

/** The programme's name and funding line are on every print. */
export const markPrintsStaleAfterGlobalChange =
  (options: ResolvedPrintOptions): GlobalAfterChangeHook =>
  async ({ doc, req }) => {
    await markStale(req, options, { all: true })
    return doc
  }
