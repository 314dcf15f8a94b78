/**
 * Local stand-ins for the machine-translation services, which are not reachable from tests: one
 * node:http server speaking DeepL's API v2 (under /deepl), OpenAI's chat completions (under
 * /openai/v1) and LibreTranslate's API (under /libretranslate), with the request and answer shapes
 * each service documents. Translations are deterministic ("[de] Call 116 006"; DeepL applies its
 * glossaries' entries). Every request is recorded raw, so that a test can prove what left the CMS;
 * `failWith` makes a service's translations fail (a status, a delay, a malformed answer).
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'

export type StandInService = 'deepl' | 'libretranslate' | 'openai'

export type RecordedRequest = {
  /** The raw body, as received. */
  body: string
  headers: http.IncomingHttpHeaders
  method: string
  /** Without the service's prefix: `/v2/translate`, `/chat/completions`, `/translate`. */
  path: string
  service: StandInService
}

/** How a service's translation requests fail until `failWith(service)` is called again without it. */
export type StandInFailure = { delayMs: number } | { malformed: 'not-json' | 'wrong-count' } | { status: number }

export type DeepLGlossary = {
  creation_time: string
  entries: Record<string, string>
  entry_count: number
  glossary_id: string
  name: string
  ready: boolean
  source_lang: string
  target_lang: string
}

export type MachineTranslationStandIns = {
  /** DeepL's stored glossaries, by id. */
  deeplGlossaries: Map<string, DeepLGlossary>
  /** Base URLs, as each provider's settings take them. */
  deeplUrl: string
  failWith(service: StandInService, failure?: StandInFailure): void
  keys: Record<StandInService, string>
  libreTranslateUrl: string
  openaiUrl: string
  requests: RecordedRequest[]
  /** The environment that points the CMS's providers here (README's MT_* settings). */
  settings(byLocale: string, extra?: Record<string, string>): Record<string, string>
  stop(): Promise<void>
}

/** DeepL's language lists as its /v2/languages documents them (a subset), and the glossary pairs this stand-in offers. */
const DEEPL_SOURCES = ['BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'HU', 'IT', 'NB', 'NL', 'PL', 'PT', 'RO', 'SV']
const DEEPL_TARGETS = ['BG', 'CS', 'DA', 'DE', 'EL', 'EN-GB', 'EN-US', 'ES', 'ET', 'FI', 'FR', 'HU', 'IT', 'NB', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RO', 'SV']
/** Hungarian is left out on purpose: a DeepL language without glossaries. */
export const DEEPL_GLOSSARY_TARGETS = ['da', 'de', 'es', 'fr', 'it', 'nb', 'nl', 'pl', 'pt', 'ro', 'sv']
const LIBRE_LANGUAGES = ['en', 'de', 'fr', 'nl', 'sv', 'hu', 'ro', 'pt', 'sq', 'nb']

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The stand-ins' translation: the target's code before the text, glossary terms replaced. */
export const standInTranslation = (text: string, target: string, glossary: Record<string, string> = {}) =>
  `[${target}] ${Object.entries(glossary).reduce(
    (translated, [term, replacement]) => translated.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'giu'), replacement),
    text,
  )}`

const readBody = (req: http.IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

/** A form-encoded or JSON body as one shape: DeepL and LibreTranslate accept both. */
const parseBody = (req: http.IncomingMessage, raw: string): Record<string, unknown> => {
  if (String(req.headers['content-type']).startsWith('application/json')) {
    return JSON.parse(raw) as Record<string, unknown>
  }
  const form = new URLSearchParams(raw)
  const values: Record<string, unknown> = {}
  for (const key of new Set(form.keys())) {
    values[key] = form.getAll(key).length > 1 || key === 'text' ? form.getAll(key) : form.get(key)
  }
  return values
}

type Answer = { body: string; status: number; type?: string }

const json = (status: number, value: unknown): Answer => ({ body: JSON.stringify(value), status })

export async function startMachineTranslationStandIns(): Promise<MachineTranslationStandIns> {
  const keys: Record<StandInService, string> = { deepl: 'stand-in-deepl-key:fx', libretranslate: 'stand-in-libre-key', openai: 'sk-stand-in-openai' }
  const requests: RecordedRequest[] = []
  const failures = new Map<StandInService, StandInFailure>()
  const deeplGlossaries = new Map<string, DeepLGlossary>()

  /**
   * The answer a failure set for the service gives its translation requests (not glossary
   * management). A wrong count, and a chat answer that is prose, are the handlers' own: they need
   * the translations.
   */
  const failure = (service: StandInService): Answer | 'delay' | undefined => {
    const set = failures.get(service)
    if (!set) {
      return undefined
    }
    if ('delayMs' in set) {
      return 'delay'
    }
    if ('status' in set) {
      return service === 'openai'
        ? json(set.status, { error: { type: 'server_error', code: null, message: `Stand-in failure ${set.status}` } })
        : service === 'deepl'
          ? json(set.status, { message: set.status === 456 ? 'Quota Exceeded' : 'Internal error' })
          : json(set.status, { error: `Stand-in failure ${set.status}` })
    }
    return set.malformed === 'not-json' && service !== 'openai' ? { type: 'text/html', body: '<html>Bad gateway</html>', status: 200 } : undefined
  }

  const deepl = (req: http.IncomingMessage, path: string, raw: string): Answer => {
    if (req.headers.authorization !== `DeepL-Auth-Key ${keys.deepl}`) {
      return json(403, { message: 'Wrong key' })
    }
    if (req.method === 'GET' && path === '/v2/glossary-language-pairs') {
      return json(200, { supported_languages: DEEPL_GLOSSARY_TARGETS.map((target) => ({ source_lang: 'en', target_lang: target })) })
    }
    const info = ({ entries: _entries, ...glossary }: DeepLGlossary) => glossary
    if (req.method === 'GET' && path === '/v2/glossaries') {
      return json(200, { glossaries: [...deeplGlossaries.values()].map(info) })
    }
    const glossaryPath = /^\/v2\/glossaries\/([^/]+)(\/entries)?$/.exec(path)
    if (glossaryPath) {
      const found = deeplGlossaries.get(glossaryPath[1]!)
      if (!found) {
        return json(404, { message: 'Glossary not found' })
      }
      if (req.method === 'DELETE') {
        deeplGlossaries.delete(found.glossary_id)
        return { body: '', status: 204 }
      }
      return glossaryPath[2]
        ? { type: 'text/tab-separated-values', body: Object.entries(found.entries).map((entry) => entry.join('\t')).join('\n'), status: 200 }
        : json(200, info(found))
    }
    const body = parseBody(req, raw)
    if (req.method === 'POST' && path === '/v2/glossaries') {
      const pair = DEEPL_GLOSSARY_TARGETS.includes(String(body.target_lang).toLowerCase()) && String(body.source_lang).toLowerCase() === 'en'
      if (!pair || body.entries_format !== 'tsv' || typeof body.name !== 'string' || typeof body.entries !== 'string') {
        return json(400, { message: 'Unsupported glossary language pair or entries' })
      }
      const entries = Object.fromEntries(
        body.entries
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split('\t') as [string, string]),
      )
      const glossary: DeepLGlossary = {
        name: body.name,
        creation_time: new Date().toISOString(),
        entries,
        entry_count: Object.keys(entries).length,
        glossary_id: randomUUID(),
        ready: true,
        source_lang: String(body.source_lang).toLowerCase(),
        target_lang: String(body.target_lang).toLowerCase(),
      }
      deeplGlossaries.set(glossary.glossary_id, glossary)
      return json(201, info(glossary))
    }
    if (req.method === 'POST' && path === '/v2/translate') {
      const texts = Array.isArray(body.text) ? (body.text as string[]) : []
      // DeepL reads language codes in any case; deepl-node sends `pt-PT`, `en`.
      const target = String(body.target_lang ?? '').toUpperCase()
      const source = body.source_lang === undefined ? undefined : String(body.source_lang).toUpperCase()
      if (texts.length === 0 || !DEEPL_TARGETS.includes(target) || (source !== undefined && !DEEPL_SOURCES.includes(source))) {
        return json(400, { message: `Value for 'target_lang' or 'source_lang' not supported, or no text.` })
      }
      const glossary = body.glossary_id === undefined ? undefined : deeplGlossaries.get(String(body.glossary_id))
      if (body.glossary_id !== undefined && (!glossary || glossary.target_lang !== target.split('-')[0]!.toLowerCase())) {
        return json(400, { message: 'Glossary does not match the language pair' })
      }
      const translations = texts.map((text) => ({
        billed_characters: text.length,
        detected_source_language: source ?? 'EN',
        text: standInTranslation(text, target.toLowerCase(), glossary?.entries),
      }))
      const malformed = failures.get('deepl')
      return json(200, {
        translations: malformed && 'malformed' in malformed && malformed.malformed === 'wrong-count' ? translations.slice(1) : translations,
      })
    }
    return json(404, { message: 'Not found' })
  }

  const openai = (req: http.IncomingMessage, path: string, raw: string): Answer => {
    if (req.headers.authorization !== `Bearer ${keys.openai}`) {
      return json(401, { error: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.', param: null } })
    }
    if (req.method !== 'POST' || path !== '/chat/completions') {
      return json(404, { error: { type: 'invalid_request_error', message: 'Unknown route' } })
    }
    const body = JSON.parse(raw) as { messages: Array<{ content: string; role: string }>; model: string }
    const system = body.messages.find((message) => message.role === 'system')?.content ?? ''
    const target = /into [^(\n]*\(([a-z-]+)\)/.exec(system)?.[1] ?? 'xx'
    const segments = JSON.parse(body.messages.at(-1)?.content ?? '[]') as string[]
    const approved = Object.fromEntries([...system.matchAll(/^- "(.+)" → "(.+)"$/gmu)].map((match) => [match[1]!, match[2]!]))
    const translations = segments.map((text) => standInTranslation(text, target, approved))
    const malformed = failures.get('openai')
    const content =
      malformed && 'malformed' in malformed
        ? malformed.malformed === 'wrong-count'
          ? JSON.stringify(translations.slice(1))
          : `Sure! Here are the translations: ${translations.join('; ')}`
        : JSON.stringify(translations)
    return json(200, {
      id: `chatcmpl-${randomUUID()}`,
      choices: [{ finish_reason: 'stop', index: 0, logprobs: null, message: { content, refusal: null, role: 'assistant' } }],
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      object: 'chat.completion',
      usage: { completion_tokens: content.length, prompt_tokens: raw.length, total_tokens: content.length + raw.length },
    })
  }

  const libretranslate = (req: http.IncomingMessage, path: string, raw: string): Answer => {
    if (req.method === 'GET' && path === '/languages') {
      return json(
        200,
        LIBRE_LANGUAGES.map((code) => ({ name: code, code, targets: LIBRE_LANGUAGES.filter((other) => other !== code) })),
      )
    }
    if (req.method !== 'POST' || path !== '/translate') {
      return json(404, { error: 'Not found' })
    }
    const body = parseBody(req, raw)
    if (body.api_key !== keys.libretranslate) {
      return json(403, { error: 'Invalid API key' })
    }
    const [source, target] = [String(body.source), String(body.target)]
    if (!LIBRE_LANGUAGES.includes(source) || !LIBRE_LANGUAGES.includes(target)) {
      return json(400, { error: `${LIBRE_LANGUAGES.includes(source) ? target : source} is not supported` })
    }
    const texts = Array.isArray(body.q) ? (body.q as string[]) : [String(body.q)]
    const translations = texts.map((text) => standInTranslation(text, target))
    const malformed = failures.get('libretranslate')
    if (malformed && 'malformed' in malformed && malformed.malformed === 'wrong-count') {
      return json(200, { translatedText: translations.slice(1) })
    }
    return json(200, { translatedText: Array.isArray(body.q) ? translations : translations[0] })
  }

  const services: Record<StandInService, { handle: typeof deepl; isTranslation: (path: string) => boolean; prefix: string }> = {
    deepl: { handle: deepl, isTranslation: (path) => path === '/v2/translate', prefix: '/deepl' },
    libretranslate: { handle: libretranslate, isTranslation: (path) => path === '/translate', prefix: '/libretranslate' },
    openai: { handle: openai, isTranslation: (path) => path === '/chat/completions', prefix: '/openai/v1' },
  }

  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = req.url ?? '/'
    const [service, route] = (Object.entries(services) as Array<[StandInService, (typeof services)[StandInService]]>).find(([, { prefix }]) =>
      url.startsWith(`${prefix}/`),
    ) ?? [undefined, undefined]
    if (!service || !route) {
      res.writeHead(404).end()
      return
    }
    const path = url.slice(route.prefix.length).split('?')[0]!
    requests.push({ body: raw, headers: req.headers, method: req.method ?? '', path, service })
    let answer: Answer
    const failed = route.isTranslation(path) ? failure(service) : undefined
    if (failed === 'delay') {
      const { delayMs } = failures.get(service) as { delayMs: number }
      // Ends early when the client gives up, so that no timer outlives the test.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs)
        res.once('close', () => {
          clearTimeout(timer)
          resolve()
        })
      })
      answer = route.handle(req, path, raw)
    } else {
      try {
        answer = failed ?? route.handle(req, path, raw)
      } catch {
        answer = json(400, { error: 'Malformed request body' })
      }
    }
    if (res.destroyed) {
      return
    }
    res.writeHead(answer.status, answer.status === 204 ? {} : { 'content-type': answer.type ?? 'application/json' }).end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  const base = `http://127.0.0.1:${port}`
  const urls = { deeplUrl: `${base}/deepl`, libreTranslateUrl: `${base}/libretranslate`, openaiUrl: `${base}/openai/v1` }
  return {
    ...urls,
    deeplGlossaries,
    failWith: (service, set) => (set ? failures.set(service, set) : failures.delete(service)),
    keys,
    requests,
    settings: (byLocale, extra = {}) => ({
      MT_DEEPL_API_KEY: keys.deepl,
      MT_DEEPL_URL: urls.deeplUrl,
      MT_LIBRETRANSLATE_API_KEY: keys.libretranslate,
      MT_LIBRETRANSLATE_URL: urls.libreTranslateUrl,
      MT_OPENAI_API_KEY: keys.openai,
      MT_OPENAI_MODEL: 'stand-in-model',
      MT_OPENAI_URL: urls.openaiUrl,
      MT_PROVIDER_BY_LOCALE: byLocale,
      ...extra,
    }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
