import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { passwordProblem } from '@/lib/passwordPolicy'

type PasswordArgs = { data?: { email?: unknown; name?: unknown; password?: unknown } }

/**
 * Payload checks only that a new password has 3 characters, and offers no setting for more. Every
 * way of setting one runs one of these operations first: create (also the first-user screen, which
 * creates through the Local API), update by id or by `where` (the account form, REST, GraphQL) and
 * reset-password. Login is not among them, so existing passwords keep working until changed.
 */
export const enforcePasswordPolicyBeforeOperation: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') {
    return args
  }
  const { data } = args as PasswordArgs
  const password = data?.password
  // An update without a new password (or with an empty one, which Payload ignores) changes none.
  if (password === undefined || password === null || (password === '' && operation === 'update')) {
    return args
  }
  const userInputs = [data?.email, data?.name].filter((value): value is string => typeof value === 'string')
  const problem = typeof password === 'string' ? await passwordProblem(password, userInputs) : 'The password must be text.'
  if (problem) {
    throw new ValidationError({ collection: collection.slug, errors: [{ message: problem, path: 'password' }] }, req.t)
  }
  return args
}
