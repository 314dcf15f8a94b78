/**
 * Machine translation is pluggable: a provider translates a batch of plain-text segments between two
 * locales. None is configured by default. Its output is only ever offered as a suggestion needing
 * review; nothing in this plugin writes it into a document.
 */
export type MachineTranslationProvider = {
  /** Shown with each suggestion, so a reviewer knows where it came from. */
  name: string
  /**
   * One translation per segment, in order. Throws {@link MachineTranslationError} (or anything:
   * the plugin turns it into a reason shown instead of the suggestion). `context` is optional so
   * that a provider written for the three-argument shape keeps working.
   */
  translate: (segments: string[], from: string, to: string, context?: MachineTranslationContext) => Promise<string[]>
}

/** A glossary entry of the target locale, as providers receive it. */
export type MachineTranslationTerm = {
  /** Keep the term as it is (a name, an acronym). */
  doNotTranslate: boolean
  term: string
  /** The approved translation; null for a term kept as it is or not yet translated. */
  translation: null | string
}

export type MachineTranslationContext = {
  /** The target locale's whole glossary: a provider that stores glossaries needs all of it to keep one per version. */
  glossary: MachineTranslationTerm[]
  /** Aborted when the plugin stops waiting; a provider passes it to its HTTP calls. */
  signal?: AbortSignal
}

/**
 * A provider's failure, with the short reason the translator sees instead of the suggestion
 * ("timed out after 8000 ms", "HTTP 500"): never the segment text, which the log must not carry.
 */
export class MachineTranslationError extends Error {
  override name = 'MachineTranslationError'
  constructor(
    readonly provider: string,
    readonly reason: string,
  ) {
    super(`${provider}: ${reason}`)
  }
}

/** The reason to show for any failure of a provider's call. */
export const reasonOf = (error: unknown): string =>
  error instanceof MachineTranslationError
    ? error.reason
    : error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      ? 'timed out'
      : 'failed'

/** The words for HTTP statuses providers use with a meaning of their own (DeepL's 456). */
export const statusReason = (status: number): string =>
  status === 456
    ? 'quota exceeded (HTTP 456)'
    : status === 401 || status === 403
      ? `key refused (HTTP ${status})`
      : status === 429
        ? 'too many requests (HTTP 429)'
        : `HTTP ${status}`

/**
 * Runs a provider's translation with a deadline: the signal tells the provider to abort its calls,
 * and the race ends the wait even for a provider that ignores the signal.
 */
export const translateWithin = async (
  provider: MachineTranslationProvider,
  segments: string[],
  from: string,
  to: string,
  { glossary, timeoutMs }: { glossary: MachineTranslationTerm[]; timeoutMs: number },
): Promise<string[]> => {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new MachineTranslationError(provider.name, `timed out after ${timeoutMs} ms`))
    }, timeoutMs)
  })
  try {
    const translated = await Promise.race([provider.translate(segments, from, to, { glossary, signal: controller.signal }), deadline])
    return translationsOf(provider.name, translated, segments.length)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A JSON POST to a provider's HTTP API, every failure turned into a {@link MachineTranslationError}
 * with a short reason: unreachable, an HTTP status, or an answer that is not JSON.
 */
export const postJson = async (
  provider: string,
  url: string,
  body: unknown,
  { headers = {}, signal }: { headers?: Record<string, string>; signal?: AbortSignal },
): Promise<unknown> => {
  let response: Response
  try {
    response = await fetch(url, {
      body: JSON.stringify(body),
      headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
      method: 'POST',
      signal,
    })
  } catch {
    throw new MachineTranslationError(provider, signal?.aborted ? 'timed out' : 'unreachable')
  }
  if (!response.ok) {
    // The body is not read into the reason: an error page may echo the request's text.
    await response.body?.cancel()
    throw new MachineTranslationError(provider, statusReason(response.status))
  }
  try {
    return await response.json()
  } catch {
    throw new MachineTranslationError(provider, signal?.aborted ? 'timed out' : 'bad answer: not JSON')
  }
}

/** An array of exactly `count` strings, or a provider error saying what was wrong. */
export const translationsOf = (provider: string, value: unknown, count: number): string[] => {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new MachineTranslationError(provider, 'bad answer: not a list of translations')
  }
  if (value.length !== count) {
    throw new MachineTranslationError(provider, `bad answer: ${value.length} translation(s) for ${count} segment(s)`)
  }
  return value as string[]
}
