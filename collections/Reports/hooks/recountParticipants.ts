import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { isPilotEvaluation, storeParticipantsTrained } from '@/lib/programmeProgress'

/**
 * Any save of a report that is or was a pilot-country evaluation recounts the programme's
 * participants-trained figure. Not only saves that publish or unpublish: with drafts, `previousDoc`
 * is the latest version, so an unpublish after a draft correction looks like draft → draft, and
 * the figure would keep the unpublished count. Recounting costs one read of the few published
 * evaluations; other report types skip it.
 */
export const recountParticipantsAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (isPilotEvaluation(doc) || isPilotEvaluation(previousDoc)) {
    await storeParticipantsTrained(req)
  }
  return doc
}

export const recountParticipantsAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (isPilotEvaluation(doc)) {
    await storeParticipantsTrained(req)
  }
}
