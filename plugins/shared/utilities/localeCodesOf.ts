import type { Config, SanitizedConfig } from 'payload'

/**
 * The configured locale codes, from a config before or after Payload sanitizes it (a plugin sees
 * the raw one, where a locale may be a code or an object); empty when the project does not localize.
 */
export const localeCodesOf = (config: Config | SanitizedConfig): string[] =>
  config.localization ? config.localization.locales.map((locale) => (typeof locale === 'string' ? locale : locale.code)) : []
