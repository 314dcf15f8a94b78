import type { CollectionBeforeOperationHook, GlobalConfig } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedRichTextSafetyOptions } from '../types'

import { WRITE_OPERATIONS } from '../constants'
import { dataProblem } from '../utilities/dataProblem'

type GlobalBeforeOperationHook = NonNullable<NonNullable<GlobalConfig['hooks']>['beforeOperation']>[number]

const refuseProblem = (data: unknown, options: ResolvedRichTextSafetyOptions, slug: { collection?: string; global?: string }) => {
  const problem = dataProblem(data, options)
  if (problem) {
    throw new ValidationError({ ...slug, errors: [{ message: problem.message, path: problem.path }] })
  }
}

/**
 * Refuses a write whose data is too deep or holds unsafe rich text before Payload's operation
 * copies it: `deepCopyObjectSimple` is recursive (a 1 MiB body of nested nodes overflows the stack,
 * a 500) and cost 1 s for 300,000 empty nodes, all before any field hook ran.
 */
export const boundWriteBeforeOperation =
  (options: ResolvedRichTextSafetyOptions): CollectionBeforeOperationHook =>
  ({ args, collection, operation }) => {
    if (WRITE_OPERATIONS.has(operation)) {
      refuseProblem((args as { data?: unknown }).data, options, { collection: collection.slug })
    }
    return args
  }

export const boundGlobalWriteBeforeOperation =
  (options: ResolvedRichTextSafetyOptions): GlobalBeforeOperationHook =>
  ({ args, global, operation }) => {
    if (operation === 'update') {
      refuseProblem((args as { data?: unknown }).data, options, { global: global.slug })
    }
    return args
  }
