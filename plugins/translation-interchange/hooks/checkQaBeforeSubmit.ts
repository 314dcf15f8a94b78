import type { SubmitCheck } from '../../translation-workflow'
import type { ResolvedTranslationInterchangeOptions } from '../types'

import { taskFindings } from '../utilities/taskQa'

/**
 * The workflow's submit check this plugin registers: the QA of the task's translation as saved,
 * so that a submit with an untranslated field, a changed phone number or a forbidden term is refused
 * (errors), while warnings only show. Tasks of collections this plugin does not exchange pass.
 */
export const checkQaBeforeSubmit =
  (options: ResolvedTranslationInterchangeOptions): SubmitCheck =>
  async ({ req, task }) =>
    options.collections.includes(task.targetCollection) ? taskFindings(options, req, task) : []
