import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { SubmitFinding, TranslationWorkflowContract } from '../types'
import type { StoredTask } from '../utilities/storedTask'

/** A submit refused because a check found errors; every finding, warnings included, comes along for the translator. */
export class SubmitRefusedByChecks extends APIError<{ findings: SubmitFinding[] }> {
  constructor(findings: SubmitFinding[]) {
    const errors = findings.filter((finding) => finding.level === 'error').length
    super(`QA found ${errors} error(s) in the translation; correct them before submitting.`, 400, { findings }, true)
  }
}

/**
 * Every finding of the registered submit checks on the task as it is saved now. Also asked by
 * tools that send tasks to review themselves (an XLIFF import), so they refuse what a submit would.
 */
export const submitFindings = async (req: PayloadRequest, task: StoredTask): Promise<SubmitFinding[]> => {
  const published = req.payload.config.custom?.translationWorkflow as TranslationWorkflowContract | undefined
  const findings: SubmitFinding[] = []
  // One after another: checks read documents in other locales on this request, and the locale travels on it.
  for (const check of published?.submitChecks ?? []) {
    findings.push(...(await check({ req, task })))
  }
  return findings
}

/** Runs every registered submit check on the task; throws when any finds an error. */
export const runSubmitChecks = async (req: PayloadRequest, task: StoredTask): Promise<void> => {
  const findings = await submitFindings(req, task)
  if (findings.some((finding) => finding.level === 'error')) {
    throw new SubmitRefusedByChecks(findings)
  }
}
