import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { SteeringRounds } from './index.client'

/** `/admin/steering`: the review rounds awaiting the signed-in steering-group member's vote. */
export const SteeringView: React.FC<AdminViewServerProps> = ({ initPageResult, params, searchParams }) => (
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
    <Gutter>
      <h1>Steering group: rounds awaiting your vote</h1>
      <SteeringRounds />
    </Gutter>
  </DefaultTemplate>
)
