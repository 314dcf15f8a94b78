import type { AdminViewServerProps } from 'payload'

import React from 'react'

import { AdminPage } from '../../../shared/exports/rsc'
import { XliffExchange, type XliffExchangeProps } from './index.client'

/**
 * `/admin/xliff`: export a locale's tasks as XLIFF (and analyse their leverage first), upload
 * translated files with the import's report, and pre-translate open tasks. Whether the user is an
 * editor is decided here, on the server, from the project's own predicate.
 */
export const XliffView: React.FC<
  AdminViewServerProps & Omit<XliffExchangeProps, 'isEditor'> & { isEditor: (user: AdminViewServerProps['initPageResult']['req']['user']) => boolean }
> = ({ initPageResult, isEditor, maxDocumentsPerExport, params, searchParams, targetLocales, tasksCollection }) => (
  <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
    <h1>XLIFF exchange</h1>
    <XliffExchange
      isEditor={isEditor(initPageResult.req.user)}
      maxDocumentsPerExport={maxDocumentsPerExport}
      targetLocales={targetLocales}
      tasksCollection={tasksCollection}
    />
  </AdminPage>
)
