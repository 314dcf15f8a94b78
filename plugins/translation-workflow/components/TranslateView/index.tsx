import type { AdminViewServerProps, CollectionSlug, TypedLocale } from 'payload'

import { RenderServerComponent } from '@payloadcms/ui/elements/RenderServerComponent'
import React from 'react'

import type { TranslationWorkflowContract } from '../../types'
import type { FieldDiff } from '../../utilities/diff'
import type { StoredTask } from '../../utilities/storedTask'
import type { TranslateEditorProps } from './index.client'

import { relationId } from '../../../shared'
import { AdminPage } from '../../../shared/exports/rsc'
import { translatedCollection } from '../../utilities/translatedCollection'
import { topLevelKeys, translationEntries } from './entries'
import { TranslateEditor } from './index.client'

/** The view's server props, from the resolved options (index.ts), so the slugs arrive typed. */
type Props = AdminViewServerProps & { collections: CollectionSlug[]; sourceLocale: string; tasksSlug: CollectionSlug }

type Doc = Record<string, unknown>

type Task = StoredTask & { changedFields?: Array<FieldDiff & { path: string }> | null }

/**
 * `/admin/translate/:taskId`: the source on the left, the translation on the right, field by
 * field. Everything is read as the signed-in user, so a translator reaches only their own
 * locales' tasks; saving goes through the REST API, where the write rules are enforced.
 */
export const TranslateView: React.FC<Props> = async ({ collections, initPageResult, params, searchParams, sourceLocale, tasksSlug }) => {
  const { payload, user } = initPageResult.req
  const segments = params?.segments
  const taskId = Array.isArray(segments) ? segments[1] : undefined
  const as = { depth: 0, overrideAccess: false, user } as const
  const task = taskId
    ? ((await payload.findByID({ ...as, id: taskId, collection: tasksSlug }).catch(() => null)) as null | Task)
    : null
  let body: React.ReactNode = <p role="alert">There is no translation task {taskId} you can open.</p>
  if (task) {
    const slug = translatedCollection({ collections }, task.targetCollection)
    const collection = slug ? payload.collections[slug]?.config : undefined
    const read = (from: CollectionSlug, locale: string) =>
      payload.findByID({
        ...as,
        id: task.documentId,
        collection: from,
        draft: true,
        fallbackLocale: false,
        locale: locale as TypedLocale,
      }) as unknown as Promise<Doc>
    const [source, target] = slug && collection ? await Promise.all([read(slug, sourceLocale), read(slug, task.locale)]) : [null, null]
    if (collection && source && target) {
      const entries = translationEntries(collection.fields, source, target)
      const titleField = collection.admin?.useAsTitle ?? 'id'
      const props: TranslateEditorProps = {
        changedFields: task.changedFields ?? [],
        collection: task.targetCollection,
        documentId: task.documentId,
        entries,
        initialTarget: target,
        locale: task.locale,
        saveKeys: topLevelKeys(entries),
        sourceLocale,
        task: {
          id: task.id,
          assignee: relationId(task.assignee),
          reviewComments: task.reviewComments ?? [],
          status: task.status,
          translatedBy: relationId(task.translatedBy),
        },
        tasksSlug,
        title: String(source[titleField] ?? task.documentId),
        userId: user?.id ?? null,
      }
      // A plugin that helps translators (translation-interchange) may take the editor's slot: its
      // component gets the same props and renders the editor with its help.
      const slot = (payload.config.custom?.translationWorkflow as TranslationWorkflowContract | undefined)?.translateViewSlots.editor
      body = slot ? (
        RenderServerComponent({ clientProps: props, Component: slot, importMap: payload.importMap })
      ) : (
        <TranslateEditor {...props} />
      )
    }
  }
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      {body}
    </AdminPage>
  )
}
