import type * as DeepLClient from 'deepl-node'
import type { GlossaryLanguagePair, SourceLanguageCode, TargetLanguageCode, Translator } from 'deepl-node'

import { createHash } from 'node:crypto'

import type { MachineTranslationProvider, MachineTranslationTerm } from '../utilities/machineTranslation'

import { MachineTranslationError, statusReason } from '../utilities/machineTranslation'

export type DeepLProviderOptions = {
  apiKey: string
  /**
   * Names of the glossaries this CMS keeps on the account start with it, so that several CMSs (or
   * staging and production) can share one account without deleting each other's.
   * @default 'translation-interchange'
   */
  glossaryNamePrefix?: string
  /** @default 'DeepL' */
  name?: string
  /** Another server than DeepL's (a proxy, a test stand-in). @default chosen by deepl-node from the key (free or pro) */
  serverUrl?: string
  /**
   * Each HTTP call's time-out; deepl-node takes no abort signal, so this bounds a call the plugin
   * stopped waiting for.
   * @default 8000
   */
  timeoutMs?: number
}

/**
 * Target codes where DeepL wants a variant, or spells the language its own way: `en` and `pt` alone
 * are refused as targets. European Portuguese and British English are the programme's.
 */
const DEEPL_TARGETS: Record<string, string> = { en: 'EN-GB', nb: 'NB', no: 'NB', pt: 'PT-PT', zh: 'ZH-HANS' }

const baseLanguage = (locale: string) => locale.split(/[-_]/)[0]!.toLowerCase()

/** DeepL's source code for a locale: the language alone (`EN`, `PT`), as DeepL detects no variants there. */
export const deeplSourceLanguage = (locale: string): SourceLanguageCode => baseLanguage(locale).toUpperCase() as SourceLanguageCode

/** DeepL's target code for a locale: a variant where DeepL requires one (`EN-GB`, `PT-PT`), `NB` for Norwegian. */
export const deeplTargetLanguage = (locale: string): TargetLanguageCode =>
  (locale.includes('-') || locale.includes('_')
    ? locale.replace('_', '-').toUpperCase()
    : (DEEPL_TARGETS[locale.toLowerCase()] ?? locale.toUpperCase())) as TargetLanguageCode

/** The entries DeepL's glossary holds: approved translations, and do-not-translate terms as themselves. */
export const deeplGlossaryEntries = (glossary: readonly MachineTranslationTerm[]): Record<string, string> => {
  const entries: Record<string, string> = {}
  for (const { doNotTranslate, term, translation } of glossary) {
    const target = doNotTranslate ? term : translation
    // DeepL refuses tabs, line breaks and empty sides in an entry; such a term stays out.
    const usable = (text: null | string) => Boolean(text && text.trim() !== '' && !/[\t\n\r]/.test(text))
    if (usable(term) && usable(target)) {
      entries[term.trim()] = target!.trim()
    }
  }
  return entries
}

/** A glossary's name on the account: prefix, pair and a hash of its entries, so that an unchanged glossary is found again after a restart. */
export const deeplGlossaryName = (prefix: string, from: string, to: string, entries: Record<string, string>): string => {
  const sorted = Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const hash = createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16)
  return `${prefix} ${from}-${to} ${hash}`
}

/**
 * deepl-node (with axios and its other dependencies) is loaded when DeepL is first asked, not with
 * the config: most processes never call it, and every test file's Payload boot paid ~230 ms for it.
 */
type DeepL = typeof DeepLClient
let deeplModule: Promise<DeepL> | undefined
const loadDeepL = () => (deeplModule ??= import('deepl-node'))

/** deepl-node's errors as the short reasons translators see. */
const deeplReason = (
  { AuthorizationError, ConnectionError, DeepLError, QuotaExceededError, TooManyRequestsError }: DeepL,
  error: unknown,
): string => {
  if (error instanceof QuotaExceededError) {
    return statusReason(456)
  }
  if (error instanceof AuthorizationError) {
    return statusReason(403)
  }
  if (error instanceof TooManyRequestsError) {
    return statusReason(429)
  }
  if (error instanceof ConnectionError) {
    return /timeout/i.test(error.message) ? 'timed out' : 'unreachable'
  }
  if (error instanceof DeepLError) {
    const status = /status code: (\d{3})/.exec(error.message)?.[1]
    return status
      ? statusReason(Number(status))
      : /parsing response/i.test(error.message)
        ? 'bad answer: not JSON'
        : /^Bad request/.test(error.message)
          ? statusReason(400)
          : /^Service unavailable/.test(error.message)
            ? statusReason(503)
            : 'failed'
  }
  return 'failed'
}

/**
 * DeepL through its official Node client. The target locale's glossary goes along as a DeepL
 * glossary when DeepL offers glossaries for the pair: one per pair and version of the glossary,
 * found again by name after a restart, the superseded one deleted.
 */
export const deeplProvider = ({
  name = 'DeepL',
  apiKey,
  glossaryNamePrefix = 'translation-interchange',
  serverUrl,
  timeoutMs = 8000,
}: DeepLProviderOptions): MachineTranslationProvider => {
  let client: Promise<Translator> | undefined
  // No retries: a translator waits for the answer, and the plugin's deadline ends the wait anyway.
  const translatorOf = () =>
    (client ??= loadDeepL().then(({ Translator }) => new Translator(apiKey, { maxRetries: 0, minTimeout: timeoutMs, sendPlatformInfo: false, serverUrl })))
  let glossaryPairs: Promise<readonly GlossaryLanguagePair[]> | undefined
  // Per language pair, the glossary in use for a version of the entries (none when they are empty).
  const inUse = new Map<string, Promise<{ glossaryId?: string; name: string }>>()

  const pairsSupported = () => {
    glossaryPairs ??= translatorOf().then((translator) => translator.getGlossaryLanguagePairs()).catch((error: unknown) => {
      glossaryPairs = undefined
      throw error
    })
    return glossaryPairs
  }

  const syncGlossary = async (from: string, to: string, entries: Record<string, string>, wanted: string) => {
    const [{ GlossaryEntries }, translator] = await Promise.all([loadDeepL(), translatorOf()])
    const ours = (await translator.listGlossaries()).filter(
      (glossary) => glossary.name.startsWith(`${glossaryNamePrefix} ${from}-${to} `) && glossary.sourceLang === from && glossary.targetLang === to,
    )
    const kept = ours.find((glossary) => glossary.name === wanted)
    for (const superseded of ours.filter((glossary) => glossary !== kept)) {
      await translator.deleteGlossary(superseded)
    }
    if (kept || Object.keys(entries).length === 0) {
      return { name: wanted, glossaryId: kept?.glossaryId }
    }
    const created = await translator.createGlossary(wanted, from as SourceLanguageCode, to as TargetLanguageCode, new GlossaryEntries({ entries }))
    return { name: wanted, glossaryId: created.glossaryId }
  }

  const glossaryFor = async (from: string, to: string, glossary: readonly MachineTranslationTerm[]): Promise<string | undefined> => {
    const [source, target] = [baseLanguage(from), baseLanguage(to)]
    if (!(await pairsSupported()).some((pair) => pair.sourceLang === source && pair.targetLang === target)) {
      return undefined
    }
    const entries = deeplGlossaryEntries(glossary)
    const wanted = deeplGlossaryName(glossaryNamePrefix, source, target, entries)
    const key = `${source}-${target}`
    const current = inUse.get(key)
    if (!current || (await current.catch(() => undefined))?.name !== wanted) {
      const next = syncGlossary(source, target, entries, wanted)
      inUse.set(key, next)
      // A failed sync is tried again on the next request rather than remembered.
      next.catch(() => inUse.get(key) === next && inUse.delete(key))
    }
    return (await inUse.get(key)!).glossaryId
  }

  return {
    name,
    translate: async (segments, from, to, context) => {
      try {
        const glossaryId = await glossaryFor(from, to, context?.glossary ?? [])
        const translator = await translatorOf()
        const results = await translator
          .translateText(segments, deeplSourceLanguage(from), deeplTargetLanguage(to), { ...(glossaryId && { glossary: glossaryId }) })
          .catch((error: unknown) => {
            // Another instance sharing the account may have replaced the glossary: look it up again next time.
            if (glossaryId) {
              inUse.delete(`${baseLanguage(from)}-${baseLanguage(to)}`)
            }
            throw error
          })
        return results.map((result) => result.text)
      } catch (error) {
        throw new MachineTranslationError(name, deeplReason(await loadDeepL(), error))
      }
    },
  }
}
