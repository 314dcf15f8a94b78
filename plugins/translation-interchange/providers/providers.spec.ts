import type { MachineTranslationStandIns } from '../../../test/helpers/machineTranslationStandIns'
import type { MachineTranslationTerm } from '../utilities/machineTranslation'

import { startMachineTranslationStandIns } from '../../../test/helpers/machineTranslationStandIns'
import { deeplGlossaryEntries, deeplGlossaryName, deeplProvider, deeplSourceLanguage, deeplTargetLanguage } from './deepl'
import { libreTranslateLanguage, libreTranslateProvider } from './libreTranslate'
import { openAiCompatibleProvider, translationPrompt, translationsInCompletion } from './openaiCompatible'

const glossary: MachineTranslationTerm[] = [
  { doNotTranslate: false, term: 'referral', translation: 'Verweisung' },
  { doNotTranslate: true, term: 'Europol', translation: null },
  { doNotTranslate: false, term: 'safe house', translation: null },
  { doNotTranslate: false, term: 'hotline', translation: 'Notruf' },
]

test.each([
  ['en', 'EN', 'EN-GB'],
  ['pt', 'PT', 'PT-PT'],
  ['nb', 'NB', 'NB'],
  ['de', 'DE', 'DE'],
  ['pt-BR', 'PT', 'PT-BR'],
  ['en_US', 'EN', 'EN-US'],
])('DeepL codes of %s: source %s, target %s', (locale, source, target) => {
  expect(deeplSourceLanguage(locale)).toBe(source)
  expect(deeplTargetLanguage(locale)).toBe(target)
})

test.each([
  ['nl', 'nl'],
  ['pt-BR', 'pt'],
  ['no', 'nb'],
  ['zh', 'zh-Hans'],
])('LibreTranslate code of %s is %s', (locale, code) => {
  expect(libreTranslateLanguage(locale)).toBe(code)
})

test('a DeepL glossary holds approved translations and kept terms, and its name changes with its entries only', () => {
  const entries = deeplGlossaryEntries(glossary)
  expect(entries).toEqual({ Europol: 'Europol', hotline: 'Notruf', referral: 'Verweisung' })
  const name = deeplGlossaryName('cms', 'en', 'de', entries)
  expect(name).toMatch(/^cms en-de [0-9a-f]{16}$/)
  expect(deeplGlossaryName('cms', 'en', 'de', deeplGlossaryEntries([...glossary].reverse()))).toBe(name)
  expect(deeplGlossaryName('cms', 'en', 'de', { ...entries, referral: 'Überweisung' })).not.toBe(name)
  expect(deeplGlossaryEntries([{ doNotTranslate: false, term: 'two\tcolumns', translation: 'x' }])).toEqual({})
})

test('the LLM prompt names the pair and carries the glossary terms found in the segments', () => {
  const prompt = translationPrompt(['Call the hotline', 'Europol helps'], 'en', 'ro', glossary)
  expect(prompt).toContain('from English (en) into Romanian (ro)')
  expect(prompt).toContain('- "hotline" → "Notruf"')
  expect(prompt).toContain('Never translate these terms; keep them exactly as written:\n- "Europol"')
  expect(prompt).not.toContain('referral')
  expect(prompt).not.toContain('safe house')
  expect(prompt).toContain('Answer with only a JSON array of 2 string(s)')
})

const completion = (content: unknown) => ({ choices: [{ index: 0, message: { content, role: 'assistant' } }] })

test.each([
  ['a JSON array', completion('["a", "b"]'), ['a', 'b']],
  ['a fenced JSON array', completion('```json\n["a", "b"]\n```'), ['a', 'b']],
  ['prose', completion('Here you go: a, b'), 'bad answer: not JSON'],
  ['too few', completion('["a"]'), 'bad answer: 1 translation(s) for 2 segment(s)'],
  ['not strings', completion('[1, 2]'), 'bad answer: not a list of translations'],
  ['an object', completion('{"translations": ["a", "b"]}'), 'bad answer: not a list of translations'],
  ['no message', { choices: [] }, 'bad answer: no message'],
])('a chat answer that is %s', (_, answer, expected) => {
  if (Array.isArray(expected)) {
    expect(translationsInCompletion('LLM', answer, 2)).toEqual(expected)
  } else {
    expect(() => translationsInCompletion('LLM', answer, 2)).toThrow(expect.objectContaining({ provider: 'LLM', reason: expected }))
  }
})

describe('on the wire, against the stand-ins', () => {
  let standIns: MachineTranslationStandIns
  beforeAll(async () => {
    standIns = await startMachineTranslationStandIns()
  })
  afterAll(() => standIns.stop())

  const deepl = () => deeplProvider({ apiKey: standIns.keys.deepl, serverUrl: standIns.deeplUrl, timeoutMs: 2000 })

  test('DeepL: European Portuguese and Norwegian as DeepL names them, a pair without glossaries gets none', async () => {
    const provider = deepl()
    expect(await provider.translate(['Call 116 006'], 'en', 'pt', { glossary })).toEqual(['[pt-pt] Call 116 006'])
    expect(await provider.translate(['Call the hotline'], 'en', 'hu', { glossary })).toEqual(['[hu] Call the hotline'])
    const translations = standIns.requests.filter((request) => request.path === '/v2/translate').map((request) => new URLSearchParams(request.body))
    expect(translations.map((form) => [form.get('source_lang')?.toUpperCase(), form.get('target_lang')?.toUpperCase(), form.has('glossary_id')])).toEqual([
      ['EN', 'PT-PT', true],
      ['EN', 'HU', false],
    ])
    expect([...standIns.deeplGlossaries.values()].map((stored) => stored.target_lang)).toEqual(['pt'])
  })

  test('DeepL: a restarted provider finds its glossary by name instead of making another', async () => {
    await deepl().translate(['referral'], 'en', 'nb', { glossary })
    const created = standIns.requests.filter((request) => request.method === 'POST' && request.path === '/v2/glossaries').length
    expect(await deepl().translate(['referral'], 'en', 'nb', { glossary })).toEqual(['[nb] Verweisung'])
    expect(standIns.requests.filter((request) => request.method === 'POST' && request.path === '/v2/glossaries')).toHaveLength(created)
  })

  test('DeepL: a glossary deleted behind its back (by another instance) fails once, then is made again', async () => {
    const provider = deepl()
    await provider.translate(['referral'], 'en', 'sv', { glossary })
    const [stored] = [...standIns.deeplGlossaries.values()].filter((entry) => entry.target_lang === 'sv')
    standIns.deeplGlossaries.delete(stored!.glossary_id)
    await expect(provider.translate(['referral'], 'en', 'sv', { glossary })).rejects.toMatchObject({ reason: 'HTTP 400' })
    expect(await provider.translate(['referral'], 'en', 'sv', { glossary })).toEqual(['[sv] Verweisung'])
    expect([...standIns.deeplGlossaries.values()].filter((entry) => entry.target_lang === 'sv')).toHaveLength(1)
  })

  test.each([
    ['DeepL', () => deeplProvider({ apiKey: 'wrong', serverUrl: standIns.deeplUrl })],
    ['LibreTranslate', () => libreTranslateProvider({ apiKey: 'wrong', url: standIns.libreTranslateUrl })],
    ['LLM (m)', () => openAiCompatibleProvider({ apiKey: 'wrong', model: 'm', url: standIns.openaiUrl })],
  ])('%s with a wrong key fails with the reason', async (name, make) => {
    await expect(make().translate(['Hello'], 'en', 'de', { glossary: [] })).rejects.toMatchObject({
      provider: name,
      reason: expect.stringMatching(/^key refused \(HTTP 40[13]\)$/),
    })
  })

  test('an unreachable server is a reason, not a crash', async () => {
    const provider = libreTranslateProvider({ url: 'http://127.0.0.1:9' })
    await expect(provider.translate(['Hello'], 'en', 'nl')).rejects.toMatchObject({ reason: 'unreachable' })
  })
})
