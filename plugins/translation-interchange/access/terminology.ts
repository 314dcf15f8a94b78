import type { Access } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

/** Editors keep the glossary and the translation memory. */
export const manageTerminologyAccess =
  (options: ResolvedTranslationInterchangeOptions): Access =>
  ({ req: { user } }) =>
    options.access.isEditor(user)

/**
 * Editors read every entry; a translator reads the entries of the locales they translate (what
 * their editor, suggestions and QA use), nobody else any. Other locales' memory is other people's
 * approved work, and a glossary's forbidden variants can name what a partner asked to keep out of
 * print; the TMX export already refused them. `localeField` names the entry's target locale.
 */
export const readTerminologyAccess =
  (options: ResolvedTranslationInterchangeOptions, localeField: string): Access =>
  ({ req: { user } }) => {
    if (options.access.isEditor(user)) {
      return true
    }
    const locales = options.targetLocales.filter((locale) => options.access.isTranslatorFor(user, locale))
    return locales.length > 0 ? { [localeField]: { in: locales } } : false
  }
