import type { Access } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../types'

/** The plugin's settings (clients, webhooks, the delivery log) are the project's administrators' alone. */
export const adminOnly =
  (options: Pick<ResolvedDeliveryApiOptions, 'isAdmin'>): Access =>
  ({ req }) =>
    options.isAdmin(req.user)
