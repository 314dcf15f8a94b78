/**
 * Translation memory as this programme's translators build it: sentences about hotlines, training,
 * victims and referral, many of them near-duplicates of each other (a number changed, a word added,
 * a typo), as approved segments of similar documents are. Generated from a seeded PRNG, so the
 * bench's 100,000 entries and the recall test's few thousand are the same kind of text, and the
 * same every run.
 */
import { pick, type Rng, rngFor } from './fakeData'

const countries = ['Albania', 'Belgium', 'Hungary', 'the Netherlands', 'Portugal', 'Romania', 'Moldova', 'Bulgaria', 'Greece', 'Italy', 'Spain', 'Poland']
const roles = ['border guards', 'labour inspectors', 'social workers', 'police officers', 'teachers', 'nurses', 'prosecutors', 'judges', 'consular staff', 'youth workers', 'shelter staff', 'interpreters']
const exploitation = ['forced labour', 'sexual exploitation', 'forced begging', 'domestic servitude', 'forced criminality', 'organ removal', 'forced marriage', 'labour exploitation in agriculture']
const services = ['a shelter', 'legal aid', 'medical care', 'psychological support', 'an interpreter', 'safe accommodation', 'a case manager', 'the national referral mechanism', 'a guardian', 'financial assistance']
const topics = ['indicators of trafficking', 'first contact with a presumed victim', 'trauma-informed interviewing', 'data protection', 'the rights of victims', 'cross-border cooperation', 'risk assessment', 'child protection', 'online recruitment', 'debt bondage', 'identity documents', 'the reflection period']
const actions = ['identify', 'protect', 'refer', 'support', 'interview', 'accompany', 'inform', 'assist']
const times = ['24 hours a day', 'on weekdays from 9:00 to 17:00', 'every day of the year', 'at night and at weekends', 'within 48 hours', 'free of charge']
const adjectives = ['presumed', 'identified', 'potential', 'child', 'adult', 'foreign', 'returning', 'male', 'female']

const templates: Array<(rng: Rng) => string> = [
  (rng) => `Call the hotline of ${pick(rng, countries)} on ${phone(rng)} if you suspect ${pick(rng, exploitation)}.`,
  (rng) => `The hotline answers ${pick(rng, times)} in ${pick(rng, languages)} and ${pick(rng, languages)}.`,
  (rng) => `This module trains ${pick(rng, roles)} to ${pick(rng, actions)} ${pick(rng, adjectives)} victims of ${pick(rng, exploitation)}.`,
  (rng) => `${capital(pick(rng, roles))} in ${pick(rng, countries)} refer ${pick(rng, adjectives)} victims to ${pick(rng, services)} ${pick(rng, times)}.`,
  (rng) => `Session ${1 + Math.floor(rng() * 12)} covers ${pick(rng, topics)} and ${pick(rng, topics)}.`,
  (rng) => `Victims have the right to ${pick(rng, services)} and to ${pick(rng, services)} during the reflection period.`,
  (rng) => `Report ${2020 + Math.floor(rng() * 7)}: ${Math.floor(rng() * 900) + 20} ${pick(rng, adjectives)} victims were referred in ${pick(rng, countries)}.`,
  (rng) => `Ask about ${pick(rng, topics)} before you ${pick(rng, actions)} the person.`,
  (rng) => `${capital(pick(rng, topics))}`,
  (rng) => `Contact ${pick(rng, services)}`,
  (rng) => `Training of ${pick(rng, roles)} on ${pick(rng, topics)}`,
  (rng) => `Never ${pick(rng, actions)} a ${pick(rng, adjectives)} victim without ${pick(rng, services)}; explain ${pick(rng, topics)} in a language they understand.`,
]
const languages = ['English', 'Albanian', 'Dutch', 'French', 'Hungarian', 'Portuguese', 'Romanian', 'Romani', 'Arabic', 'Ukrainian', 'Russian', 'Tigrinya']
/** Words a near-duplicate puts in or in place of another. */
const fillers = ['also', 'all', 'only', 'urgently', 'always', 'new', 'local', 'trained', 'national', 'regional', 'first', 'other']

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const phone = (rng: Rng) => `+${30 + Math.floor(rng() * 60)} ${100 + Math.floor(rng() * 900)} ${1000 + Math.floor(rng() * 9000)}`

/** A sentence of the field, fresh from a template. */
export const fieldSentence = (rng: Rng): string => pick(rng, templates)(rng)

/**
 * A near-duplicate of a sentence, as the next document's segment is: one to `edits` changes, each
 * a word substituted, inserted or deleted, a typo (a letter swapped, dropped or doubled), or a
 * number changed.
 */
export function nearDuplicate(rng: Rng, sentence: string, edits: number): string {
  let words = sentence.split(' ')
  const count = 1 + Math.floor(rng() * edits)
  for (let edit = 0; edit < count; edit++) {
    const at = Math.floor(rng() * words.length)
    const word = words[at] ?? ''
    const kind = Math.floor(rng() * 5)
    if (kind === 0) {
      words[at] = pick(rng, fillers)
    } else if (kind === 1) {
      words = [...words.slice(0, at), pick(rng, fillers), ...words.slice(at)]
    } else if (kind === 2 && words.length > 2) {
      words = [...words.slice(0, at), ...words.slice(at + 1)]
    } else if (kind === 3 && word.length > 3) {
      const letter = 1 + Math.floor(rng() * (word.length - 2))
      const typo = [
        word.slice(0, letter) + word[letter + 1] + word[letter] + word.slice(letter + 2),
        word.slice(0, letter) + word.slice(letter + 1),
        word.slice(0, letter) + word[letter] + word.slice(letter),
      ]
      words[at] = pick(rng, typo)
    } else {
      words[at] = /\d/.test(word) ? word.replace(/\d/, String(Math.floor(rng() * 10))) : `${word}s`
    }
  }
  return words.join(' ')
}

export type CorpusEntry = { context: string; source: string; target: string }

const contexts = ['hotlines:description', 'hotlines:name', 'training-modules:title', 'training-modules:description', 'deliverables:summary', 'reports:summary', 'partners:description']

/**
 * `count` memory entries of one locale: about a third near-duplicates of an earlier entry (up to
 * three edits), the rest fresh sentences; each with a place it was approved in and a tagged target.
 */
export function memoryCorpus(seed: string, count: number, locale: string): CorpusEntry[] {
  const rng = rngFor(`memory-corpus:${seed}`)
  const entries: CorpusEntry[] = []
  for (let index = 0; index < count; index++) {
    const source = entries.length > 0 && rng() < 0.35 ? nearDuplicate(rng, pick(rng, entries).source, 3) : fieldSentence(rng)
    entries.push({ context: pick(rng, contexts), source, target: `[${locale}] ${source}` })
  }
  return entries
}
