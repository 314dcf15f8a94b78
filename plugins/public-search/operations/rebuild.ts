import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { IndexContext, IndexedCollection } from './indexDocument'

import { indexDocument } from './indexDocument'

export type RebuildProgress = { collection: string; done: number; removed: number; total: number }

const PAGE = 100

/**
 * Rebuilds the index from the documents themselves: for content written before the plugin was
 * added, or by a bulk import that bypassed hooks. Each document is indexed as a publish would index
 * it (unchanged entries are not rewritten), then entries whose document is gone are removed.
 * Searches keep answering meanwhile, from the entries not yet rebuilt.
 */
export async function rebuildIndex(
  payload: Payload,
  collections: readonly IndexedCollection[],
  context: IndexContext,
  onProgress: (progress: RebuildProgress) => void = () => {},
): Promise<RebuildProgress[]> {
  const report: RebuildProgress[] = []
  // An operator's command (npm run search:rebuild), acting for nobody: every read and write here is
  // the system's, with access overridden; searches still check each hit with the reader's access.
  for (const collection of collections) {
    const slug = collection.slug as CollectionSlug
    const total = await payload.count({ collection: slug, overrideAccess: true })
    const seen = new Set<string>()
    let done = 0
    for (let page = 1; ; page += 1) {
      const { docs, hasNextPage } = await payload.find({ collection: slug, depth: 0, limit: PAGE, overrideAccess: true, page, select: {}, sort: 'id' })
      // A request per page: a request caches every document it reads, which over 10,000 grows without bound.
      const req: PayloadRequest = await createLocalReq({}, payload)
      for (const { id } of docs) {
        await indexDocument(req, collection, id, context)
        seen.add(String(id))
        done += 1
      }
      if (!hasNextPage) {
        break
      }
      onProgress({ collection: collection.slug, done, removed: 0, total: total.totalDocs })
    }
    let removed = 0
    for (let page = 1; ; page += 1) {
      const { docs, hasNextPage } = await payload.find({
        collection: context.entriesSlug as CollectionSlug,
        depth: 0,
        limit: 500,
        overrideAccess: true,
        page,
        select: { docId: true } as never,
        where: { collection: { equals: collection.slug } },
      })
      const orphans = (docs as unknown as Array<{ docId: string; id: number | string }>).filter(({ docId }) => !seen.has(docId)).map(({ id }) => id)
      if (orphans.length > 0) {
        await payload.delete({ collection: context.entriesSlug as CollectionSlug, overrideAccess: true, where: { id: { in: orphans } } })
        removed += orphans.length
        // The pages after this one moved up by what was removed.
        page -= 1
      }
      if (!hasNextPage) {
        break
      }
    }
    const progress = { collection: collection.slug, done, removed, total: total.totalDocs }
    onProgress(progress)
    report.push(progress)
  }
  return report
}
