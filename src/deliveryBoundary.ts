import type { HostOptions } from './host/createHost'
import type { Environment } from './lib/env'

import { createDeliveryBoundary } from '../plugins/delivery-api'
import { limiterFactory } from './lib/rateLimiters'

type ApiMiddleware = NonNullable<HostOptions['apiMiddleware']>[number]

/**
 * The delivery API's door as this project's hosts mount it (src/server.ts, test/helpers/host.ts),
 * from the environment the caller has already read: the server loads its .env files first, so
 * nothing here may read the environment when it is imported. With REDIS_URL the limits are counted
 * in Redis, shared by every instance; without it, per process.
 */
export const deliveryBoundaryOf =
  (env: Pick<Environment, 'corsOrigins' | 'rateLimitMax' | 'rateLimitStaffMax' | 'rateLimitWindowMs' | 'redisUrl'>): ApiMiddleware =>
  (payload) =>
    createDeliveryBoundary({
      corsOrigins: env.corsOrigins,
      payload,
      rateLimit: {
        createLimiter: limiterFactory(env.redisUrl),
        max: env.rateLimitMax,
        staffMax: env.rateLimitStaffMax,
        windowMs: env.rateLimitWindowMs,
      },
    })
