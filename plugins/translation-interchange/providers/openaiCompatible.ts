import type { MachineTranslationProvider, MachineTranslationTerm } from '../utilities/machineTranslation'

import { findTerm } from '../utilities/glossary'
import { MachineTranslationError, postJson, translationsOf } from '../utilities/machineTranslation'

export type OpenAiCompatibleProviderOptions = {
  /** Sent as `Authorization: Bearer …`; a local server may need none. */
  apiKey?: string
  /** The model's name on that server (`gpt-4o-mini`, `mistral-small-latest`, `llama3.1:8b` …). */
  model: string
  /** @default `LLM (<model>)` */
  name?: string
  /** The API's base, before `/chat/completions` (`https://api.openai.com/v1`, `http://localhost:11434/v1`). */
  url: string
}

/** The glossary terms that occur in the segments: the rest would only lengthen the prompt. */
const termsIn = (segments: readonly string[], glossary: readonly MachineTranslationTerm[]) =>
  glossary.filter(({ doNotTranslate, term, translation }) => (doNotTranslate || translation) && segments.some((text) => findTerm(text, term).length > 0))

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })

/** "Romanian (ro)": a model follows a language's name more reliably than a bare code. */
const languageOf = (locale: string) => {
  const named = languageNames.of(locale)
  return named && named !== locale ? `${named} (${locale})` : locale
}

/**
 * The instructions: the locale pair, the glossary's approved translations and the terms kept as
 * they are, and the one answer accepted, a JSON array of as many strings as there are segments.
 */
export const translationPrompt = (segments: readonly string[], from: string, to: string, glossary: readonly MachineTranslationTerm[]) => {
  const terms = termsIn(segments, glossary)
  const approved = terms.filter((term) => !term.doNotTranslate).map(({ term, translation }) => `- "${term}" → "${translation}"`)
  const kept = terms.filter((term) => term.doNotTranslate).map(({ term }) => `- "${term}"`)
  return [
    `You translate the texts of an anti-trafficking programme from ${languageOf(from)} into ${languageOf(to)}.`,
    'Keep numbers, phone numbers, e-mail addresses and links exactly as they are.',
    ...(approved.length > 0 ? ['Use these approved translations of glossary terms:', ...approved] : []),
    ...(kept.length > 0 ? ['Never translate these terms; keep them exactly as written:', ...kept] : []),
    `The user message is a JSON array of ${segments.length} text(s). Answer with only a JSON array of ${segments.length} string(s): the translations, in the same order, nothing else.`,
  ].join('\n')
}

/** The translations in a chat completion's answer; anything but a JSON array of the right length is a provider error. */
export const translationsInCompletion = (provider: string, completion: unknown, count: number): string[] => {
  const content = (completion as { choices?: Array<{ message?: { content?: unknown } }> } | null)?.choices?.[0]?.message?.content
  if (typeof content !== 'string') {
    throw new MachineTranslationError(provider, 'bad answer: no message')
  }
  // Chat models often fence their JSON as Markdown code; the fence is not part of the answer.
  const json = content.trim().replace(/^```(?:json)?\s*\n([\s\S]*)\n```$/, '$1')
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    throw new MachineTranslationError(provider, 'bad answer: not JSON')
  }
  return translationsOf(provider, parsed, count)
}

/**
 * Any server speaking OpenAI's chat-completions API (OpenAI, Azure's OpenAI-compatible route,
 * Mistral, a local Ollama or vLLM): one `POST {url}/chat/completions` per batch, through `fetch`.
 */
export const openAiCompatibleProvider = ({ name, apiKey, model, url }: OpenAiCompatibleProviderOptions): MachineTranslationProvider => {
  const provider = name ?? `LLM (${model})`
  const endpoint = `${url.replace(/\/+$/, '')}/chat/completions`
  return {
    name: provider,
    translate: async (segments, from, to, context) => {
      const completion = await postJson(
        provider,
        endpoint,
        {
          messages: [
            { content: translationPrompt(segments, from, to, context?.glossary ?? []), role: 'system' },
            { content: JSON.stringify(segments), role: 'user' },
          ],
          model,
          temperature: 0,
        },
        { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {}, signal: context?.signal },
      )
      return translationsInCompletion(provider, completion, segments.length)
    },
  }
}
