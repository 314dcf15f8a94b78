import type { Field } from 'payload'

import type { UnitProblemCode } from '../constants'
import type { GlossaryEntry } from './glossary'
import type { ParsedFile } from './xliff'

import { fingerprintValue, isRichText } from '../../translation-workflow'
import { ERRORS } from '../constants'
import { fieldLabel, fieldMaxLength } from './fields'
import { flatten, plainText, restore, tagMismatch } from './inline'
import { checkTranslation, hasErrors, type QaFinding, type QaSeverities } from './qa'
import { setAtPath, translatableValues } from './units'

type UnknownRecord = Record<string, unknown>

/** What happened to one unit of an imported file. */
export type UnitReport = {
  document: string
  findings?: QaFinding[]
  message?: string
  problem?: UnitProblemCode
  status: 'applied' | 'refused' | 'skipped'
  unit: string
}

/** What the server knows about the document a `<file>` names. */
export type DocumentContext = {
  /** Null when the document does not exist or is not in a translated collection. */
  fields: Field[] | null
  glossary: GlossaryEntry[]
  /** Why the uploader may not write this document in this locale, if they may not. */
  notWritable: null | string
  phoneCountry?: string
  /** The file's target locale and the QA's severities, read once for the whole upload. */
  qa: { locale: string; severities: QaSeverities }
  source: null | UnknownRecord
  /** The document in the target locale as it is now. */
  target: null | UnknownRecord
}

/** The write one document needs: the top-level fields to send, with every accepted unit merged in. */
export type DocumentWrite = { collection: string; data: UnknownRecord; documentId: string }

/**
 * Checks every unit of one `<file>` against the document as it is now and prepares the write.
 * Pure: the caller loaded the context. A file with any refused unit must not be written at all.
 */
export const planFile = (file: ParsedFile, context: DocumentContext): { reports: UnitReport[]; write: DocumentWrite | null } => {
  const document = `${file.collection}/${file.documentId}`
  const refuse = (unit: string, problem: UnitProblemCode, message: string, findings?: QaFinding[]): UnitReport => ({
    document,
    findings,
    message,
    problem,
    status: 'refused',
    unit,
  })
  const { fields, source, target } = context
  if (!fields || !source) {
    return { reports: [refuse('*', 'unknown-document', ERRORS.unknownDocument)], write: null }
  }
  if (context.notWritable) {
    return { reports: [refuse('*', 'task-not-held', context.notWritable)], write: null }
  }
  const reports: UnitReport[] = file.unreadable.map((unit) => refuse(unit.id, 'inline-tags', unit.reason))
  const current = translatableValues(fields, source)
  const merged = structuredClone(target ?? {}) as UnknownRecord
  const touched = new Set<string>()
  const seen = new Set<string>()
  for (const unit of file.units) {
    if (seen.has(unit.id)) {
      reports.push(refuse(unit.id, 'duplicate-unit', 'The unit appears twice in this file.'))
      continue
    }
    seen.add(unit.id)
    if (!(unit.id in current)) {
      reports.push(refuse(unit.id, 'unknown-unit', ERRORS.unitNotInFile))
      continue
    }
    if (unit.target === null || plainText(unit.target).trim() === '') {
      reports.push({ document, message: 'No translation in the file.', status: 'skipped', unit: unit.id })
      continue
    }
    const sourceValue = current[unit.id]
    if (unit.fingerprint !== fingerprintValue(sourceValue)) {
      reports.push(refuse(unit.id, 'stale', ERRORS.stale))
      continue
    }
    const flat = flatten(sourceValue)
    const mismatch = tagMismatch(flat, unit.target)
    // No link check: a file's tags stand for the source's links, which the import puts back as they are.
    const findings = checkTranslation(
      {
        field: fieldLabel(fields, unit.id),
        glossary: context.glossary,
        inlineTagProblem: mismatch,
        locale: context.qa.locale,
        maxLength: fieldMaxLength(fields, unit.id),
        phoneCountry: context.phoneCountry,
        richText: isRichText(sourceValue),
        source: plainText(flat.content),
        target: plainText(unit.target),
      },
      context.qa.severities,
    )
    if (mismatch) {
      reports.push(refuse(unit.id, 'inline-tags', `The formatting tags differ from the source: ${mismatch}.`, findings))
      continue
    }
    if (hasErrors(findings)) {
      reports.push(
        refuse(
          unit.id,
          'qa',
          findings
            .filter((finding) => finding.level === 'error')
            .map((finding) => finding.message)
            .join(' '),
          findings,
        ),
      )
      continue
    }
    try {
      touched.add(setAtPath(merged, unit.id, restore(sourceValue, flat, unit.target)))
    } catch {
      reports.push(refuse(unit.id, 'unknown-unit', ERRORS.unitNotInFile))
      continue
    }
    reports.push({ document, findings: findings.length > 0 ? findings : undefined, status: 'applied', unit: unit.id })
  }
  const data = Object.fromEntries([...touched].map((key) => [key, merged[key]]))
  return { reports, write: touched.size > 0 ? { collection: file.collection, data, documentId: file.documentId } : null }
}
