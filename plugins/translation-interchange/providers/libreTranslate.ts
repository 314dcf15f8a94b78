import type { MachineTranslationProvider } from '../utilities/machineTranslation'

import { MachineTranslationError, postJson, translationsOf } from '../utilities/machineTranslation'

export type LibreTranslateProviderOptions = {
  /** The instance's key, when it requires one (libretranslate.com does). */
  apiKey?: string
  /** @default 'LibreTranslate' */
  name?: string
  /** The instance's base URL (`http://localhost:5000`, `https://libretranslate.com`). */
  url: string
}

/** Argos models name a few languages their own way: Norwegian Bokmål is `nb`, Chinese `zh-Hans`. */
const LIBRE_LANGUAGES: Record<string, string> = { no: 'nb', zh: 'zh-Hans' }

/** LibreTranslate's code for a locale: the language alone, except where its models use another name. */
export const libreTranslateLanguage = (locale: string): string => {
  const base = locale.split(/[-_]/)[0]!.toLowerCase()
  return LIBRE_LANGUAGES[base] ?? base
}

/**
 * A LibreTranslate instance through its HTTP API: `POST /translate` with the segments as an array
 * in `q`, as plain text. It takes no glossary. There is no official Node client of note; this is
 * one `fetch`.
 */
export const libreTranslateProvider = ({ name = 'LibreTranslate', apiKey, url }: LibreTranslateProviderOptions): MachineTranslationProvider => {
  const endpoint = `${url.replace(/\/+$/, '')}/translate`
  return {
    name,
    translate: async (segments, from, to, context) => {
      const answer = await postJson(
        name,
        endpoint,
        {
          ...(apiKey && { api_key: apiKey }),
          format: 'text',
          q: segments,
          source: libreTranslateLanguage(from),
          target: libreTranslateLanguage(to),
        },
        { signal: context?.signal },
      )
      const translated = (answer as null | { translatedText?: unknown })?.translatedText
      if (translated === undefined) {
        throw new MachineTranslationError(name, 'bad answer: no translatedText')
      }
      return translationsOf(name, translated, segments.length)
    },
  }
}
