import type { HostOptions } from './host/createHost'
import type { Environment } from './lib/env'

import { createDeliveryBoundary } from '../plugins/delivery-api'

type ApiMiddleware = NonNullable<HostOptions['apiMiddleware']>[number]

/**
 * The delivery API's door as this project's hosts mount it (src/server.ts, test/helpers/host.ts),
 * from the environment the caller has already read: the server loads its .env files first, so
 * nothing here may read the environment when it is imported.
 */
export const deliveryBoundaryOf =
  (env: Pick<Environment, 'corsOrigins' | 'rateLimitMax' | 'rateLimitStaffMax' | 'rateLimitWindowMs'>): ApiMiddleware =>
  (payload) =>
    createDeliveryBoundary({
      corsOrigins: env.corsOrigins,
      payload,
      rateLimit: { max: env.rateLimitMax, staffMax: env.rateLimitStaffMax, windowMs: env.rateLimitWindowMs },
    })
