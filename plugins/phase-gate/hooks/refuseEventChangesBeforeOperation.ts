import type { CollectionBeforeOperationHook } from 'payload'

import { ERRORS } from '../constants'
import { GateRefusal } from '../errors'

/**
 * The decision log only grows. Access already refuses every user; this also refuses the Local API
 * with access off, so no code path of the application can rewrite history.
 */
export const refuseEventChangesBeforeOperation: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'update' || operation === 'delete') {
    throw new GateRefusal(ERRORS.eventsAreAppendOnly, 403)
  }
  return args
}
