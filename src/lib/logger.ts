import type { Config } from 'payload'

import { defaultLoggerOptions } from 'payload'

import { currentRequestId } from './requestContext'

/**
 * Payload's logger, with the current request id mixed into each line. Production writes JSON lines
 * for the log shipper; development keeps Payload's readable output.
 */
export function loggerConfig({ isProduction, level }: { isProduction: boolean; level: string }): Config['logger'] {
  return {
    destination: isProduction ? undefined : defaultLoggerOptions,
    options: {
      level,
      mixin() {
        const requestId = currentRequestId()
        return requestId ? { requestId } : {}
      },
    },
  }
}
