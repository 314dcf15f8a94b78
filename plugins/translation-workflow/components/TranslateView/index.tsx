import type { AdminViewServerProps, CollectionSlug, SanitizedConfig, TypedLocale } from 'payload'

import React from 'react'

import type { FieldDiff } from '../../utilities/diff'

import { relationId, type StoredTask } from '../../utilities/storedTask'
import { AdminPage } from '../AdminPage'
import { topLevelKeys, translationEntries } from './entries'
import { TranslateEditor } from './index.client'

type Props = AdminViewServerProps & { sourceLocale: string; tasksSlug: string }

type Doc = Record<string, unknown>

type Task = StoredTask & { changedFields?: Array<FieldDiff & { path: string }> | null }

/** Paths of a translation-assistance plugin's endpoints (translation-interchange), looked up rather than imported. */
const ASSIST_ENDPOINTS = { qaPath: '/translation-interchange/qa', suggestionsPath: '/translation-interchange/suggestions' }

/** Each assistance endpoint's path when the config has it, else null: the editor then offers no such help. */
const installedAssist = (config: SanitizedConfig) => {
  const has = (path: string) => (config.endpoints ?? []).some((endpoint) => endpoint.path === path)
  return {
    qaPath: has(ASSIST_ENDPOINTS.qaPath) ? ASSIST_ENDPOINTS.qaPath : null,
    suggestionsPath: has(ASSIST_ENDPOINTS.suggestionsPath) ? ASSIST_ENDPOINTS.suggestionsPath : null,
  }
}

/**
 * `/admin/translate/:taskId`: the source on the left, the translation on the right, field by
 * field. Everything is read as the signed-in user, so a translator reaches only their own
 * locales' tasks; saving goes through the REST API, where the write rules are enforced.
 */
export const TranslateView: React.FC<Props> = async ({ initPageResult, params, searchParams, sourceLocale, tasksSlug }) => {
  const { payload, user } = initPageResult.req
  const segments = params?.segments
  const taskId = Array.isArray(segments) ? segments[1] : undefined
  const as = { depth: 0, overrideAccess: false, user } as const
  const task = taskId
    ? ((await payload.findByID({ ...as, id: taskId, collection: tasksSlug as CollectionSlug }).catch(() => null)) as null | Task)
    : null
  let body: React.ReactNode = <p role="alert">There is no translation task {taskId} you can open.</p>
  if (task) {
    const collection = payload.collections[task.targetCollection as CollectionSlug]?.config
    const read = (locale: string) =>
      payload.findByID({
        ...as,
        id: task.documentId,
        collection: task.targetCollection as CollectionSlug,
        draft: true,
        fallbackLocale: false as never,
        locale: locale as TypedLocale,
      }) as unknown as Promise<Doc>
    const [source, target] = collection ? await Promise.all([read(sourceLocale), read(task.locale)]) : [null, null]
    if (collection && source && target) {
      const entries = translationEntries(collection.fields, source, target)
      const titleField = collection.admin?.useAsTitle ?? 'id'
      body = (
        <TranslateEditor
          assist={installedAssist(payload.config)}
          changedFields={task.changedFields ?? []}
          collection={task.targetCollection}
          documentId={task.documentId}
          entries={entries}
          initialTarget={target}
          locale={task.locale}
          saveKeys={topLevelKeys(entries)}
          sourceLocale={sourceLocale}
          task={{
            id: task.id,
            assignee: relationId(task.assignee),
            reviewComments: task.reviewComments ?? [],
            status: task.status,
            translatedBy: relationId(task.translatedBy),
          }}
          tasksSlug={tasksSlug}
          title={String(source[titleField] ?? task.documentId)}
          userId={user?.id ?? null}
        />
      )
    }
  }
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      {body}
    </AdminPage>
  )
}
