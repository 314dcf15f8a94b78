import type { StoredTask } from '../../translation-workflow'
import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'

import { relationId } from '../../shared'
import { WRITABLE_STATUSES } from '../../translation-workflow'

/** Whether the user may exchange translations in a locale: its translators and editors. */
export const mayExchange = (
  options: ResolvedTranslationInterchangeOptions,
  user: InterchangeUser | null | undefined,
  locale: string,
): boolean => Boolean(user) && (options.access.isEditor(user) || options.access.isTranslatorFor(user, locale))

/** A translator writes through an open task of their own; an editor writes any document. */
export const holdsOpenTask = (user: InterchangeUser, task: null | StoredTask): boolean =>
  Boolean(task) &&
  String(relationId(task?.assignee)) === String(user.id) &&
  (WRITABLE_STATUSES as readonly string[]).includes(String(task?.status))
