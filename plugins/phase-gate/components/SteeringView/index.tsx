import type { AdminViewServerProps } from 'payload'

import React from 'react'

import { AdminPage } from '../../../shared/exports/rsc'
import { SteeringRounds } from './index.client'

/** `/admin/steering`: the review rounds awaiting the signed-in steering-group member's vote. */
export const SteeringView: React.FC<AdminViewServerProps> = ({ initPageResult, params, searchParams }) => (
  <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
    <h1>Steering group: rounds awaiting your vote</h1>
    <SteeringRounds />
  </AdminPage>
)
