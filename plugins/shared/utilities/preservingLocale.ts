import type { PayloadRequest } from 'payload'

/**
 * Runs Local API calls that share `req` (for its transaction) but read another locale. Payload
 * sets the passed request's `locale` and `fallbackLocale` to the call's, so without this a hook
 * reading the source, or every locale, would switch the operation it serves to that locale.
 */
export const preservingLocale = async <T>(req: PayloadRequest, read: () => Promise<T>): Promise<T> => {
  const { fallbackLocale, locale } = req
  try {
    return await read()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
