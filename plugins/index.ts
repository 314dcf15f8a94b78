import type { Plugin } from 'payload'

import { readEnvironment } from '@/lib/env'

import { deliveryApi } from './delivery-api'
import { phaseGate } from './phase-gate'
import { richTextSafety } from './rich-text-safety'
import { translationInterchange } from './translation-interchange'
import { translationWorkflow } from './translation-workflow'

const env = readEnvironment()

export const plugins: Plugin[] = [
  translationWorkflow({ collections: ['phases', 'deliverables', 'training-modules', 'reports', 'partners', 'hotlines'] }),
  translationInterchange({ collections: ['phases', 'deliverables', 'training-modules', 'reports', 'partners', 'hotlines'] }),
  phaseGate({
    deliverables: { collection: 'deliverables', phaseField: 'phase' },
    evidenceUploads: 'media',
    gated: [
      { collection: 'deliverables', phaseField: 'phase' },
      { collection: 'training-modules', phaseField: 'phase' },
      { collection: 'reports', phaseField: 'phase' },
    ],
    phases: { slug: 'phases' },
  }),
  // Last, so that its limits and webhooks cover the collections the other plugins add.
  // `events`: the phase gate's PHASE_GATE_WEBHOOK_EVENTS once it exports them (issue #14, seam 2).
  deliveryApi({ webhooks: { events: ['gate-decision'], retryDelayMs: env.webhookRetryDelayMs } }),
  // After every plugin that adds collections: bounds every write's data before Payload copies it.
  richTextSafety(),
]
