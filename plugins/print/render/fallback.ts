import type { PrintInput } from './types'

export type FallbackMarks = {
  /** The tag to print after a piece of text, when that text is shown untranslated. */
  mark: (fallback: boolean | undefined) => string | undefined
  /** The sentence explaining the tag, only when something in this print carries it. */
  notice?: string
}

const fallbackFlags = (input: PrintInput): (boolean | undefined)[] => {
  switch (input.template) {
    case 'hotline-directory':
      return input.countries.flatMap(({ hotlines }) => hotlines.map(({ fallback }) => fallback))
    case 'manual':
      return [
        input.descriptionFallback,
        ...input.modules.flatMap((module) => [module.titleFallback, module.contentFallback, ...module.objectives.map(({ fallback }) => fallback)]),
      ]
    case 'pocket-card':
      return [...input.indicators.map(({ fallback }) => fallback), ...input.hotlines.map(({ fallback }) => fallback)]
  }
}

export const fallbackMarks = (input: PrintInput): FallbackMarks => {
  const { labels, stamp } = input
  const source = stamp.sourceLocale ?? 'en'
  // A print in the source language cannot fall back to it, whatever the flags say.
  if (stamp.locale.split('-')[0] === source.split('-')[0]) {
    return { mark: () => undefined }
  }
  const tag = `[${source.toUpperCase()}]`
  const mark = (fallback: boolean | undefined) => (fallback ? tag : undefined)
  if (![input.titleFallback, ...fallbackFlags(input)].some(Boolean)) {
    return { mark }
  }
  const notice = labels.notTranslated
    .replaceAll('{mark}', tag)
    .replaceAll('{source}', stamp.sourceLanguageName)
    .replaceAll('{language}', stamp.languageName)
  return { mark, notice }
}
