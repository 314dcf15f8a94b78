import type { PayloadRequest } from 'payload'

import type { WorkflowSubmitCheck } from '../types'
import type { StoredTask } from './documents'

type Finding = Awaited<ReturnType<WorkflowSubmitCheck>>[number]

/**
 * The errors the translation workflow's submit checks (this plugin's QA among them) find in a task
 * as it is saved now: what would refuse its submit. An import that sends tasks to review asks first.
 */
export const submitErrors = async (req: PayloadRequest, task: StoredTask): Promise<Finding[]> => {
  const workflow = req.payload.config.custom?.translationWorkflow as { submitChecks?: WorkflowSubmitCheck[] } | undefined
  const findings: Finding[] = []
  // One after another: checks read the document in several locales on this request.
  for (const check of workflow?.submitChecks ?? []) {
    findings.push(...(await check({ req, task })))
  }
  return findings.filter((finding) => finding.level === 'error')
}
