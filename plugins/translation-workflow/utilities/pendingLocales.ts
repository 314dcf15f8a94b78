import type { Field } from 'payload'

import { fingerprintValue } from './fingerprint'
import { localizedValues } from './localizedValues'

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The locales whose text differs between a document's latest draft and its published version,
 * both read with `locale: 'all'` (every localized value a map of locale → value). These are the
 * locales a full publish would release; `except` (the locale being published) is left out.
 */
export const pendingLocales = (
  fields: readonly Field[],
  draft: UnknownRecord,
  published: UnknownRecord,
  locales: readonly string[],
  except: string,
): string[] => {
  const draftValues = localizedValues(fields, draft)
  const publishedValues = localizedValues(fields, published)
  const paths = new Set([...Object.keys(draftValues), ...Object.keys(publishedValues)])
  const inLocale = (value: unknown, locale: string) => (isRecord(value) ? value[locale] : undefined)
  return locales.filter(
    (locale) =>
      locale !== except &&
      [...paths].some(
        (path) => fingerprintValue(inLocale(draftValues[path], locale)) !== fingerprintValue(inLocale(publishedValues[path], locale)),
      ),
  )
}
