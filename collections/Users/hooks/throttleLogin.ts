import type { CollectionAfterLoginHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { currentClientAddress } from '@/lib/clientAddress'
import { type LoginAttempt, type LoginThrottle, LoginThrottled } from '@/lib/loginThrottle'

/** Named for payload.config.ts's `loggingLevels`: a warning, not an error (it is the defence working). */
export class LoginThrottledError extends APIError {
  constructor(throttled: LoginThrottled) {
    super(throttled.message, 429, { retryAfterSeconds: throttled.retryAfterSeconds }, true)
  }
}

/**
 * Login throttling as two hooks around Payload's login operation (REST, GraphQL `loginUser` and the
 * admin's form all run it): the attempt is counted before the password is checked, and refunded in
 * afterLogin, which runs only for a correct password. Local API logins (no HTTP client) are not
 * throttled. See src/lib/loginThrottle.ts for the counts.
 */
export function throttleLoginHooks(throttle: LoginThrottle): {
  afterLogin: CollectionAfterLoginHook
  beforeOperation: CollectionBeforeOperationHook
} {
  const attempts = new WeakMap<PayloadRequest, LoginAttempt>()
  return {
    afterLogin: async ({ req }) => {
      await attempts.get(req)?.succeeded()
      attempts.delete(req)
    },
    beforeOperation: async ({ args, operation, req }) => {
      const client = currentClientAddress()
      const email = (args as { data?: { email?: unknown } }).data?.email
      if (operation !== 'login' || !client || typeof email !== 'string') {
        return args
      }
      try {
        attempts.set(req, await throttle.attempt(client, email))
      } catch (error) {
        if (!(error instanceof LoginThrottled)) {
          throw error
        }
        req.responseHeaders ??= new Headers()
        req.responseHeaders.set('Retry-After', String(error.retryAfterSeconds))
        throw new LoginThrottledError(error)
      }
      return args
    },
  }
}
