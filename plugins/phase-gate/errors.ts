import { APIError } from 'payload'

/**
 * A request the gate refuses on purpose (a publish before `go`, a vote out of turn …): its message
 * is shown to the user, and the plugin logs it at `info` (its `loggingLevels` entry), not as an error.
 */
export class GateRefusal extends APIError {
  constructor(message: string, status: number, data: null | Record<string, unknown> = null) {
    super(message, status, data, true)
    this.name = 'GateRefusal'
  }
}
