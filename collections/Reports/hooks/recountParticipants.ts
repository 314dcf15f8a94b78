import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { isPilotEvaluation, storeParticipantsTrained } from '@/lib/programmeProgress'

const isPublished = (doc: unknown) => (doc as { _status?: unknown } | undefined)?._status === 'published'

/**
 * A pilot-country evaluation that is or was published (published, unpublished, counts changed,
 * retyped from or to one) changes the programme's participants-trained figure. Drafts never
 * published and other report types cannot, and skip the recount.
 */
export const recountParticipantsAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const counted = [doc, previousDoc].some((version) => isPilotEvaluation(version) && isPublished(version))
  if (counted) {
    await storeParticipantsTrained(req)
  }
  return doc
}

export const recountParticipantsAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (isPilotEvaluation(doc) && isPublished(doc)) {
    await storeParticipantsTrained(req)
  }
}
