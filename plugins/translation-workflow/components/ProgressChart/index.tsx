'use client'
import { useConfig } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { ProgressBucket } from '../../constants'
import type { ProgressRow } from '../../utilities/progress'

import { callApi } from '../../../shared/exports/client'
import { PROGRESS_BUCKETS } from '../../constants'

const BUCKETS: Record<ProgressBucket, { color: string; label: string }> = {
  approved: { color: 'var(--theme-success-500)', label: 'Approved and current' },
  inProgress: { color: 'var(--theme-elevation-500)', label: 'In progress' },
  outdated: { color: 'var(--theme-warning-500)', label: 'Outdated' },
  untranslated: { color: 'var(--theme-elevation-150)', label: 'Untranslated' },
}

/** On the dashboard: per locale × collection, one bar split by translation state (from /api/translation-progress). */
export const TranslationProgressChart: React.FC = () => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const [rows, setRows] = useState<ProgressRow[]>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    callApi<{ rows: ProgressRow[] }>(`${serverURL}${api}/translation-progress`)
      .then((answer) => setRows(answer.rows))
      .catch((failure: Error) => setError(failure.message))
  }, [api, serverURL])

  // Readers who translate nothing and manage nothing have no progress to see.
  if (error || !rows || rows.length === 0) {
    return null
  }
  return (
    <section aria-label="Translation progress" style={{ marginBottom: 32 }}>
      <h2>Translation progress</h2>
      <p style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        {PROGRESS_BUCKETS.map((bucket) => (
          <span key={bucket}>
            <span
              aria-hidden
              style={{ background: BUCKETS[bucket].color, display: 'inline-block', height: 12, marginRight: 4, width: 12 }}
            />
            {BUCKETS[bucket].label}
          </span>
        ))}
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.locale}-${row.collection}`}>
              <th scope="row" style={{ paddingRight: 12, textAlign: 'left', whiteSpace: 'nowrap' }}>
                {row.locale} · {row.collection}
              </th>
              <td style={{ width: '100%' }}>
                <div
                  aria-label={PROGRESS_BUCKETS.map(
                    (bucket) => `${BUCKETS[bucket].label} ${row.counts[bucket]} (${row.percentages[bucket]}%)`,
                  ).join(', ')}
                  role="img"
                  style={{ display: 'flex', height: 16 }}
                >
                  {PROGRESS_BUCKETS.map((bucket) => (
                    <div
                      key={bucket}
                      style={{ background: BUCKETS[bucket].color, width: `${row.percentages[bucket]}%` }}
                      title={`${BUCKETS[bucket].label}: ${row.counts[bucket]}`}
                    />
                  ))}
                </div>
              </td>
              <td style={{ paddingLeft: 12, whiteSpace: 'nowrap' }}>
                {row.counts.approved}/{row.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
