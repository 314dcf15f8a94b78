import type { Endpoint } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { localizedValues } from '../../translation-workflow/utilities/localizedValues'
import { fieldsOfCollection, readDocuments, readGlossary } from '../utilities/documents'
import { fieldLabel } from '../utilities/fields'
import { flatten, plainText, tagMismatch } from '../utilities/inline'
import { checkTranslation, hasErrors } from '../utilities/qa'
import { readableTaskFromQuery } from '../utilities/taskFromQuery'
import { translatableValues } from '../utilities/units'

/**
 * GET /api/translation-interchange/qa?task=<id>: the QA findings of a task's current translation,
 * field by field, and whether any blocks submission. What the editor shows before submit (an import
 * runs the same checks on the file's targets).
 */
export const qaReportEndpoint = (options: ResolvedTranslationInterchangeOptions): Endpoint => ({
  handler: async (req) => {
    const task = await readableTaskFromQuery(req, options)
    const fields = fieldsOfCollection(req, task.targetCollection)
    const [source] = (await readDocuments(req, task.targetCollection, [task.documentId], options.sourceLocale)).values()
    const [target] = (await readDocuments(req, task.targetCollection, [task.documentId], task.locale)).values()
    const glossary = await readGlossary(options, req, task.locale)
    const translated = target ? localizedValues(fields, target) : {}
    const findings = Object.entries(translatableValues(fields, source ?? {})).flatMap(([path, value]) => {
      const flat = flatten(value)
      const current = flatten(translated[path]).content
      return checkTranslation({
        field: fieldLabel(fields, path),
        glossary,
        inlineTagProblem: current.length > 0 ? tagMismatch(flat, current) : null,
        phoneCountry: source ? (options.phoneCountryOf(source) as never) : undefined,
        source: plainText(flat.content),
        target: plainText(current),
      }).map((finding) => ({ ...finding, unit: path }))
    })
    return Response.json({ blocksSubmission: hasErrors(findings), findings, task: task.id })
  },
  method: 'get',
  path: '/translation-interchange/qa',
})
