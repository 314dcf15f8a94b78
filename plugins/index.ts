import type { Plugin } from 'payload'

import { readEnvironment } from '@/lib/env'

import { deliveryApi } from './delivery-api'

const env = readEnvironment()

export const plugins: Plugin[] = [
  // Last, so that its limits and webhooks cover the collections the other plugins add.
  deliveryApi({ webhooks: { retryDelayMs: env.webhookRetryDelayMs } }),
]
