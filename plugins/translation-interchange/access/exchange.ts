import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'

/** Whether the user may exchange translations in a locale: its translators and editors. */
export const mayExchange = (
  options: ResolvedTranslationInterchangeOptions,
  user: InterchangeUser | null | undefined,
  locale: string,
): boolean => Boolean(user) && (options.isEditor(user) || options.isTranslatorFor(user, locale))
