import type { AdminViewServerProps } from 'payload'

import React from 'react'

import { AdminPage } from '../../../shared/exports/rsc'
import { TranslationQueue, type TranslationQueueProps } from './index.client'

/** `/admin/translations`: the signed-in translator's tasks and the open ones they may claim. */
export const QueueView: React.FC<AdminViewServerProps & TranslationQueueProps> = ({
  collections,
  initPageResult,
  params,
  searchParams,
  targetLocales,
  tasksSlug,
}) => (
  <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
    <h1>Translation queue</h1>
    <TranslationQueue
      collections={collections}
      initialQueue={searchParams?.queue === 'open' ? 'open' : 'mine'}
      targetLocales={targetLocales}
      tasksSlug={tasksSlug}
    />
  </AdminPage>
)
