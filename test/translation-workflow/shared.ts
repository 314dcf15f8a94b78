import type { Payload } from 'payload'

import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'

export type Task = {
  approvedAt?: null | string
  assignee?: null | number | string | { id: number | string }
  changedFields?: Array<{ after: string; before: string; path: string; summary: string }> | null
  documentId: string
  id: number | string
  locale: string
  publishBlockedReason?: null | string
  publishedAt?: null | string
  reviewComments?: Array<{ author: number | string; comment: string }>
  sourceFingerprints: Record<string, string>
  sourceValues?: Record<string, string>
  sourceWordCount: number
  status: string
  targetCollection: string
}

export const CHECK_OUTDATED = 'translationWorkflowCheckOutdated'

/** The task of one document × locale, read as the system (a fixture look-up, not an action under test). */
export const taskOf = async (payload: Payload, collection: string, documentId: number | string, locale: string): Promise<Task> => {
  const { docs } = await payload.find({
    collection: 'translation-tasks',
    depth: 0,
    where: {
      and: [{ targetCollection: { equals: collection } }, { documentId: { equals: String(documentId) } }, { locale: { equals: locale } }],
    },
  })
  if (!docs[0]) {
    throw new Error(`no ${locale} task for ${collection} ${documentId}`)
  }
  return docs[0] as unknown as Task
}

/** Runs the queued outdated checks until none is left, as a server with RUN_JOBS=true would every 10 s. */
export const runOutdatedChecks = async (payload: Payload): Promise<void> => {
  const pending = () =>
    payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: CHECK_OUTDATED } }, { completedAt: { exists: false } }] },
    })
  for (let round = 0; (await pending()).totalDocs > 0; round += 1) {
    if (round > 50) {
      throw new Error('outdated checks did not finish')
    }
    await payload.jobs.run({ limit: 1000, sequential: true, where: { taskSlug: { equals: CHECK_OUTDATED } } })
  }
}

/** A POST to one of a task's transitions over HTTP. */
export const transition = (testHost: TestHost, taskId: number | string, action: string, auth: AuthMode, body: object = {}) =>
  testHost.client.json<{ doc: Task; errors?: Array<{ message: string }> }>('POST', `/api/translation-tasks/${taskId}/${action}`, {
    auth,
    body,
  })

let phaseNumber = 0

/** A published phase created by an editor over REST; phases are numbered 1–5, so a file may create five. */
export const createPhaseOverRest = async (testHost: TestHost, auth: AuthMode, data: Record<string, unknown> = {}) => {
  phaseNumber += 1
  const { body, status } = await testHost.client.json<{ doc: { id: number | string } }>('POST', '/api/phases', {
    auth,
    body: {
      _status: 'published',
      number: phaseNumber,
      summary: paragraphs('Victims are referred within 24 hours.'),
      title: `Phase ${phaseNumber}`,
      ...data,
    },
  })
  if (status !== 201) {
    throw new Error(`create phase: ${status} ${JSON.stringify(body)}`)
  }
  return body.doc.id
}
