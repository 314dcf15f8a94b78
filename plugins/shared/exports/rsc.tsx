import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

/** The admin's frame (navigation, header) around a plugin's own admin view. Apart from index.ts because Next's admin templates load only inside Next, never in the config. */
export const AdminPage: React.FC<
  { children: React.ReactNode } & Pick<AdminViewServerProps, 'initPageResult' | 'params' | 'searchParams'>
> = ({ children, initPageResult, params, searchParams }) => (
  <DefaultTemplate
    i18n={initPageResult.req.i18n}
    locale={initPageResult.locale}
    params={params}
    payload={initPageResult.req.payload}
    permissions={initPageResult.permissions}
    searchParams={searchParams}
    user={initPageResult.req.user || undefined}
    visibleEntities={initPageResult.visibleEntities}
  >
    <Gutter>{children}</Gutter>
  </DefaultTemplate>
)
