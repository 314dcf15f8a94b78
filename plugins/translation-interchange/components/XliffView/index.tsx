import type { AdminViewServerProps } from 'payload'

import React from 'react'

import { AdminPage } from '../../../shared/exports/rsc'
import { XliffExchange, type XliffExchangeProps } from './index.client'

/** `/admin/xliff`: export a locale's tasks as XLIFF and upload translated files, with the import's report. */
export const XliffView: React.FC<AdminViewServerProps & XliffExchangeProps> = ({
  initPageResult,
  maxDocumentsPerExport,
  params,
  searchParams,
  targetLocales,
}) => (
  <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
    <h1>XLIFF exchange</h1>
    <XliffExchange maxDocumentsPerExport={maxDocumentsPerExport} targetLocales={targetLocales} />
  </AdminPage>
)
