import type { Field } from 'payload'

import { diffValues, type FieldDiff, valueToText } from './diff'
import { changedFieldPaths, fingerprintFields } from './fingerprint'
import { localizedValues } from './localizedValues'
import { countWordsInValue } from './wordCount'

/** What a task records about the source a translation is made from. */
export type SourceRecord = {
  sourceFingerprints: Record<string, string>
  /** Each localized field as the text a translator compares (rich text as text), for later diffs. */
  sourceValues: Record<string, string>
  sourceWordCount: number
}

/** One changed source field as a translator sees it. */
export type ChangedField = FieldDiff & { path: string }

/** The record of a source document in the source locale. */
export const recordSource = (fields: readonly Field[], source: Record<string, unknown>): SourceRecord => {
  const values = localizedValues(fields, source)
  return {
    sourceFingerprints: fingerprintFields(values),
    sourceValues: Object.fromEntries(Object.entries(values).map(([path, value]) => [path, valueToText(value)])),
    sourceWordCount: countWordsInValue(Object.values(values)),
  }
}

/**
 * The source fields whose fingerprint differs from the one a translation was made from, each with
 * a before/after diff. `before` is the text recorded with the translation; a field the record does
 * not know (added to the collection since) counts as empty before.
 */
export const changedSourceFields = (
  recorded: Pick<SourceRecord, 'sourceFingerprints' | 'sourceValues'>,
  current: SourceRecord,
): ChangedField[] =>
  changedFieldPaths(recorded.sourceFingerprints, current.sourceFingerprints).map((path) => ({
    path,
    ...diffValues(recorded.sourceValues[path], current.sourceValues[path]),
  }))
