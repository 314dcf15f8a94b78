import type { FieldHook } from 'payload'

import { ValidationError } from 'payload'

import { ERRORS } from '../constants'
import { fingerprintValue } from '../utilities/fingerprint'

/**
 * Status and the records of what a translation was made from move only through the workflow's
 * transitions (claim, submit, approve, return) and its own checks. Field access alone would
 * silently drop an editor's change; refusing it tells the caller plainly. Sending the unchanged
 * value back (as the admin form does) is fine.
 */
export const refuseChangeOutsideWorkflowBeforeValidate: FieldHook = ({ collection, overrideAccess, path, previousValue, value }) => {
  if (overrideAccess || value === undefined) {
    return value
  }
  if (fingerprintValue(value) !== fingerprintValue(previousValue)) {
    throw new ValidationError({ collection: collection?.slug, errors: [{ message: ERRORS.directStatusChange, path: path.join('.') }] })
  }
  return value
}
