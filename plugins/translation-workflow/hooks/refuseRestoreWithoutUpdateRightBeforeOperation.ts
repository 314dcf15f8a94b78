import type { Access, CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { grantedByCollection } from '../access/translatorWriteAccess'
import { CONTEXT_KEYS, ERRORS } from '../constants'

/**
 * Restoring a version rewrites the whole document, every locale and its publication state, from
 * the version. Payload authorises it with the collection's update rule given only `{ _status }`,
 * which the translator branch of that rule would let through (a translator's task makes them an
 * updater of one locale, never of the document). So a restore needs the collection's own update
 * rule, the one that held before the workflow added translators; translators never restore.
 * Payload asks the full rule again, with the document, right after this hook.
 */
export const refuseRestoreWithoutUpdateRightBeforeOperation =
  (original: Access | undefined): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'restoreVersion') {
      return args
    }
    // A restore writes the version's own status; a flag left by an earlier update must not keep the old one.
    delete req.context[CONTEXT_KEYS.keepStatus]
    if ((args as { overrideAccess?: boolean }).overrideAccess) {
      return args
    }
    if (!(await grantedByCollection(original, { req }))) {
      throw new APIError(ERRORS.translatorCannotRestore, 403)
    }
    return args
  }
