import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, PayloadRequest, Where } from 'payload'

import type { Affected } from '../operations/staleness'
import type { ResolvedPrintOptions } from '../types'

import { markStale, printedDeliverables } from '../operations/staleness'

type Doc = Record<string, unknown> & { id: number | string }

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
  // A watched collection (the phases, whose gates release content) can change what is public anywhere.
  return { all: true }
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
