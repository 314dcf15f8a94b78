import type { Field, PayloadRequest, TypedLocale } from 'payload'

import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'
import type { GlossaryEntry } from '../utilities/glossary'

import { inTransaction } from '../../shared'
import { holdsOpenTask } from '../access/exchange'
import { ERRORS, OPEN_TASK_STATUSES, PRE_TRANSLATION_FIELD, type PreTranslationSkipReason } from '../constants'
import { flatten, type Flattened, plainText, restore, tagMismatch } from '../utilities/inline'
import { machineSuggestions, maySendToMachineTranslation } from '../utilities/neverSend'
import { setAtPath, translatableValues } from '../utilities/units'
import { type ExchangedTask, fieldsOfCollection, isExchangedTask, readDocuments, readGlossary } from './documents'
import { readTasksAsCaller } from './exportSelection'
import { lookupMemory } from './memoryLookup'

type Id = number | string
type UnknownRecord = Record<string, unknown>

/** A field pre-translation filled: from a memory match (101 or 100, with the entry's origin) or a provider. */
export type PreTranslatedField = {
  at: string
  field: string
  memoryOrigin?: null | string
  origin: 'memory-100' | 'memory-101' | `machine:${string}`
}

export type PreTranslationSkip = { field?: string; message: string; reason: PreTranslationSkipReason }

/** What one task's pre-translation did; the last run's is kept on the task (`preTranslation`). */
export type TaskPreTranslation = {
  document?: string
  filled: PreTranslatedField[]
  locale?: string
  skipped: PreTranslationSkip[]
  task: Id
  written: boolean
}

/** What the task keeps: every field still marked as pre-translated (for the reviewer), and the last run's skips. */
export type StoredPreTranslation = { by: Id; fields: PreTranslatedField[]; ranAt: string; skipped: PreTranslationSkip[] }

/** A field the run may fill: empty in the task's locale when read. */
type Candidate = { flat: Flattened; path: string; source: string; sourceValue: unknown }

type Fill = PreTranslatedField & { text: string }

const SKIP_MESSAGES: Partial<Record<PreTranslationSkipReason, string>> = {
  'already-translated': 'The field already has text in this language; it is left as it is.',
  formatting: 'The source has formatting or links that a plain-text match cannot carry; translate it in the editor.',
  'machine-off': 'Machine translation is not switched on for this language and collection.',
  'never-send': 'This field never leaves the CMS, so no machine translation was asked for.',
  'no-exact-match': 'No 100 % or 101 % memory match.',
  'task-not-open': 'The task is in review or approved; only open tasks are pre-translated.',
}

const skip = (reason: PreTranslationSkipReason, field?: string, message = SKIP_MESSAGES[reason] ?? reason): PreTranslationSkip => ({
  ...(field !== undefined && { field }),
  message,
  reason,
})

/** Why the user may not pre-translate this task, or null: editors any open task, translators one they hold open in their locale. */
const refusalOf = (options: ResolvedTranslationInterchangeOptions, user: InterchangeUser, task: ExchangedTask): null | PreTranslationSkip => {
  if (options.access.isEditor(user)) {
    return (OPEN_TASK_STATUSES as readonly string[]).includes(task.status) ? null : skip('task-not-open')
  }
  return options.access.isTranslatorFor(user, task.locale) && holdsOpenTask(user, task) ? null : skip('task-not-held', undefined, ERRORS.taskNotHeld)
}

/** The document's translatable fields that are empty in the target: the only ones a run may fill. */
const candidatesOf = (fields: Field[], source: UnknownRecord, target: null | UnknownRecord, report: TaskPreTranslation): Candidate[] => {
  const targetValues = target ? translatableValues(fields, target) : {}
  const candidates: Candidate[] = []
  for (const [path, sourceValue] of Object.entries(translatableValues(fields, source))) {
    if (plainText(flatten(targetValues[path]).content).trim() !== '') {
      report.skipped.push(skip('already-translated', path))
      continue
    }
    const flat = flatten(sourceValue)
    candidates.push({ flat, path, source: plainText(flat.content), sourceValue })
  }
  return candidates
}

/**
 * Machine fills for the candidates memory left, when asked, through the provider of the task's
 * locale and collection (utilities/neverSend.ts, so never-send fields and documents are not sent);
 * a provider error leaves the fields empty with the reason, it never stops the run.
 */
const machineFills = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  work: { candidates: Candidate[]; report: TaskPreTranslation; source: UnknownRecord; task: ExchangedTask },
  glossary: GlossaryEntry[],
  at: string,
): Promise<Fill[]> => {
  const { candidates, report, source, task } = work
  if (candidates.length === 0) {
    return []
  }
  const collection = req.payload.collections[task.targetCollection].config
  const fields = fieldsOfCollection(req, task.targetCollection)
  const documentNeverSent = options.machineTranslation.neverSend.documents(collection.slug, source)
  const sendable = candidates.filter((candidate) => {
    const may = !documentNeverSent && maySendToMachineTranslation(options, collection, fields, candidate.path)
    if (!may) {
      report.skipped.push(skip('never-send', candidate.path))
    }
    return may
  })
  const outcomes = await machineSuggestions(
    options,
    collection,
    fields,
    sendable.map((candidate) => ({ id: candidate.path, source: candidate.source })),
    task.locale,
    { document: source, glossary },
  )
  return sendable.flatMap((candidate): Fill[] => {
    const outcome = outcomes.get(candidate.path)
    if (!outcome) {
      report.skipped.push(skip('machine-off', candidate.path))
      return []
    }
    if ('problem' in outcome) {
      report.skipped.push(skip('provider-error', candidate.path, `${outcome.problem.provider}: ${outcome.problem.reason}`))
      return []
    }
    if (outcome.suggestion.text.trim() === '') {
      report.skipped.push(skip('provider-error', candidate.path, `${outcome.suggestion.provider} returned no text.`))
      return []
    }
    return [{ at, field: candidate.path, origin: `machine:${outcome.suggestion.provider}`, text: outcome.suggestion.text }]
  })
}

/**
 * Writes one document's fills as a draft of the task's locale, as the user and through the
 * collection's own write rules (a translator's write access asks for the open task they hold), and
 * records the report on the task, in one transaction: a failure writes nothing of the document.
 * The target is read again first, and a field someone wrote since is left alone.
 */
const writeFills = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  user: InterchangeUser,
  task: ExchangedTask,
  fills: Fill[],
  report: TaskPreTranslation,
) => {
  const fields = fieldsOfCollection(req, task.targetCollection)
  const store = async (filled: PreTranslatedField[]) => {
    const previous = ((task as UnknownRecord)[PRE_TRANSLATION_FIELD] ?? null) as null | StoredPreTranslation
    const kept = (previous?.fields ?? []).filter((field) => !filled.some((fill) => fill.field === field.field))
    const stored: StoredPreTranslation = { by: user.id, fields: [...kept, ...filled], ranAt: new Date().toISOString(), skipped: report.skipped }
    await req.payload.update({
      id: task.id,
      collection: options.tasksCollection,
      data: { [PRE_TRANSLATION_FIELD]: stored } as never,
      depth: 0,
      // The plugin's record on the task, which nobody writes through the API (see the field's access).
      overrideAccess: true,
      req,
    })
  }
  try {
    await inTransaction(req, async () => {
      const [source] = (await readDocuments(req, task.targetCollection, [task.documentId], options.sourceLocale)).values()
      const [target] = (await readDocuments(req, task.targetCollection, [task.documentId], task.locale)).values()
      const stillEmpty = new Set(candidatesOf(fields, source ?? {}, target ?? null, { ...report, skipped: [] }).map((candidate) => candidate.path))
      const sourceValues = translatableValues(fields, source ?? {})
      const merged = structuredClone(target ?? {}) as UnknownRecord
      const touched = new Set<string>()
      const written: PreTranslatedField[] = []
      for (const { text, ...fill } of fills) {
        if (!stillEmpty.has(fill.field)) {
          report.skipped.push(skip('already-translated', fill.field, 'Someone wrote this field while the run was under way; it is left as it is.'))
          continue
        }
        const sourceValue = sourceValues[fill.field]
        touched.add(setAtPath(merged, fill.field, restore(sourceValue, flatten(sourceValue), [text])))
        written.push(fill)
      }
      if (touched.size > 0) {
        await req.payload.update({
          id: task.documentId,
          collection: task.targetCollection,
          data: Object.fromEntries([...touched].map((key) => [key, merged[key]])) as never,
          depth: 0,
          // A draft of the locale only: its published text stays until a review approves.
          draft: true,
          locale: task.locale as TypedLocale,
          overrideAccess: false,
          req,
          user,
        })
      }
      report.filled = written
      report.written = touched.size > 0
      await store(written)
    })
  } catch (error) {
    const message = `Nothing was written to this document: ${error instanceof Error ? error.message : String(error)}`
    report.skipped.push(...fills.map((fill) => skip('write-failed', fill.field, message)))
    report.filled = []
    report.written = false
  }
}

/**
 * Fills the untouched fields of the tasks' documents from 100 % and 101 % memory matches and, when
 * asked (`machineTranslation`), from the configured provider, as drafts of each task's locale for a
 * reviewer to check: nothing is submitted or published. One memory lookup per locale for all its
 * tasks; one transaction per document. Returns what was filled and skipped, task by task.
 */
export const preTranslate = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  user: InterchangeUser,
  taskIds: Id[],
  { machineTranslation }: { machineTranslation: boolean },
): Promise<TaskPreTranslation[]> => {
  const docs = await readTasksAsCaller(options, req, { id: { in: taskIds } })
  const readable = new Map(docs.map((task) => [String(task.id), task]))
  const at = new Date().toISOString()
  const reports: TaskPreTranslation[] = []
  const work: Array<{ candidates: Candidate[]; report: TaskPreTranslation; source: UnknownRecord; task: ExchangedTask }> = []
  for (const id of taskIds) {
    const task = readable.get(String(id)) ?? null
    if (!isExchangedTask(options, task)) {
      reports.push({ filled: [], skipped: [skip('task-not-held', undefined, ERRORS.taskNotHeld)], task: id, written: false })
      continue
    }
    const report: TaskPreTranslation = {
      document: `${task.targetCollection}/${task.documentId}`,
      filled: [],
      locale: task.locale,
      skipped: [],
      task: task.id,
      written: false,
    }
    reports.push(report)
    const refusal = refusalOf(options, user, task)
    if (refusal) {
      report.skipped.push(refusal)
      continue
    }
    const fields = fieldsOfCollection(req, task.targetCollection)
    const [source = {}] = (await readDocuments(req, task.targetCollection, [task.documentId], options.sourceLocale)).values()
    const [target] = (await readDocuments(req, task.targetCollection, [task.documentId], task.locale)).values()
    work.push({ candidates: candidatesOf(fields, source, target ?? null, report), report, source, task })
  }
  for (const locale of new Set(work.map(({ task }) => task.locale))) {
    const ofLocale = work.filter(({ task }) => task.locale === locale)
    const queries = ofLocale.flatMap(({ candidates, task }) =>
      candidates.map((candidate) => ({ context: `${task.targetCollection}:${candidate.path}`, source: candidate.source })),
    )
    const matches = await lookupMemory(options, req, locale, queries, { limit: 1, threshold: 100 })
    const glossary = machineTranslation ? await readGlossary(options, req, locale) : []
    let position = 0
    for (const { candidates, report, source, task } of ofLocale) {
      const fills: Fill[] = []
      const leftForMachine: Candidate[] = []
      for (const candidate of candidates) {
        const best = matches[position]?.[0]
        position += 1
        // Memory and providers hold plain text: a source with formatting tags would lose them.
        const mismatch = tagMismatch(candidate.flat, [candidate.source])
        if (mismatch) {
          report.skipped.push(skip('formatting', candidate.path))
          continue
        }
        if (best && best.score >= 100) {
          fills.push({
            at,
            field: candidate.path,
            memoryOrigin: best.entry.origin ?? null,
            origin: best.score > 100 ? 'memory-101' : 'memory-100',
            text: best.entry.target,
          })
        } else if (machineTranslation) {
          leftForMachine.push(candidate)
        } else {
          report.skipped.push(skip('no-exact-match', candidate.path))
        }
      }
      fills.push(...(await machineFills(options, req, { candidates: leftForMachine, report, source, task }, glossary, at)))
      await writeFills(options, req, user, task, fills, report)
    }
  }
  return reports
}
