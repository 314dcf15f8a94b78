import { APIError } from 'payload'

/**
 * A request refused for what it asks (a bound, a limit): 400 with the reason shown to the client.
 * Its own name lets the config log it at `info` (`loggingLevels`), apart from real failures.
 */
export class QueryRefusedError extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    this.name = 'QueryRefusedError'
  }
}
