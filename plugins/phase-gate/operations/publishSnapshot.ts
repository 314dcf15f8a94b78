import type { PayloadRequest } from 'payload'

import type { TranslationWorkflowContract } from '../../translation-workflow'
import type { ResolvedPhaseGateOptions } from '../defaults'
import type { RoundDoc } from './gates'

import { relationId } from '../../shared'
import { preservingLocale } from '../../shared'
import { contentFingerprint } from '../utilities/contentFingerprint'
import { appendGateEvent } from './events'
import { fieldsOf, latestContent, snapshotLocalesOf } from './snapshot'

/**
 * On `go`, publishes what the round approved: per document and locale, only content still exactly
 * as the snapshot recorded it. With the translation workflow present, the source locale and the
 * locales it reports approved; without it, every locale. Runs as the system, one locale at a time
 * (Payload's `publishSpecificLocale`), so an unapproved translation never goes out with the rest.
 */
export async function publishSnapshot(req: PayloadRequest, options: ResolvedPhaseGateOptions, round: RoundDoc): Promise<void> {
  const workflow: TranslationWorkflowContract | undefined = req.payload.config.custom?.translationWorkflow
  const report: Array<{ collection: string; id: number | string; published: string[]; skipped: Record<string, string> }> = []
  for (const item of round.snapshot.items) {
    const locales = workflow
      ? [...new Set([workflow.sourceLocale, ...(await workflow.approvedLocales({ id: item.id, collection: item.collection, req }))])]
      : snapshotLocalesOf(req)
    const published: string[] = []
    const skipped: Record<string, string> = {}
    for (const locale of locales) {
      const key = locale ?? 'default'
      const current = await latestContent(req, item.collection, item.id, locale)
      if (!current || contentFingerprint(fieldsOf(req, item.collection), current) !== item.fingerprints[key]) {
        skipped[key] = 'changed after the snapshot'
        continue
      }
      try {
        await preservingLocale(req, () =>
          req.payload.update({
            id: item.id,
            collection: item.collection as 'users',
            data: { _status: 'published' } as never,
            depth: 0,
            locale: locale as never,
            overrideAccess: true,
            ...(locale ? { publishSpecificLocale: locale } : {}),
            req,
          }),
        )
        published.push(key)
      } catch (error) {
        skipped[key] = (error as Error).message
      }
    }
    report.push({ id: item.id, collection: item.collection, published, skipped })
  }
  await appendGateEvent(req, options, {
    type: 'published-on-go',
    data: { documents: report },
    gate: relationId(round.gate),
    phase: relationId(round.phase),
    round: round.id,
  })
}
