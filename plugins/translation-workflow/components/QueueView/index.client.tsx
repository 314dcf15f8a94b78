'use client'
import { useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { callApi } from '../../../shared/exports/client'
import { TASK_STATUSES } from '../../constants'
import { editorUrl, type QueueTask } from '../api'
import { HeadingRow, type Outcome, OutcomeMessage, SelectField } from '../parts'
import { useHydrated } from '../useHydrated'

export type Queue = 'mine' | 'open'

export type TranslationQueueProps = { collections: string[]; initialQueue?: Queue; targetLocales: string[]; tasksSlug: string }

type QueueResult = { counts: Record<string, number>; docs: QueueTask[]; totalDocs: number }

const QUEUE_LABELS: Record<Queue, string> = { mine: 'My queue', open: 'Open' }

/**
 * The queue as the REST endpoint answers it (only the caller's locales, urgent first, then by due
 * date), with claim and unclaim; the server decides who may do what.
 */
export const TranslationQueue: React.FC<TranslationQueueProps> = ({ collections, initialQueue, targetLocales, tasksSlug }) => {
  const {
    config: {
      routes: { admin, api },
      serverURL,
    },
  } = useConfig()
  const base = `${serverURL}${api}/${tasksSlug}`
  const [queue, setQueue] = useState<Queue>(initialQueue ?? 'mine')
  const [filters, setFilters] = useState({ collection: '', locale: '', status: '' })
  const hydrated = useHydrated()
  const [result, setResult] = useState<QueueResult>()
  const [message, setMessage] = useState<Outcome>()

  const load = useCallback(async () => {
    const query = new URLSearchParams({ queue, ...filters, limit: '100' })
    setResult(await callApi<QueueResult>(`${base}/queue?${query.toString()}`))
  }, [base, filters, queue])

  useEffect(() => {
    load().catch((error: Error) => setMessage({ error: true, text: error.message }))
  }, [load])

  const act = async (task: QueueTask, action: 'claim' | 'unclaim') => {
    try {
      const answer = await callApi<{ message: string }>(`${base}/${task.id}/${action}`, { method: 'POST' })
      setMessage({ error: false, text: answer.message })
      await load()
    } catch (error) {
      setMessage({ error: true, text: (error as Error).message })
    }
  }

  const setFilter = (name: keyof typeof filters) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters((current) => ({ ...current, [name]: event.target.value }))

  return (
    <section aria-label="Translation queue">
      <div role="tablist" style={{ display: 'flex', gap: 8, marginBottom: 16 }}>
        {(Object.keys(QUEUE_LABELS) as Queue[]).map((name) => (
          <button
            aria-selected={queue === name}
            className={`btn ${queue === name ? 'btn--style-primary' : 'btn--style-secondary'}`}
            disabled={!hydrated}
            key={name}
            onClick={() => {
              setQueue(name)
              // In the address, so that a reload or a shared link opens the same tab.
              window.history.replaceState(null, '', `?queue=${name}`)
            }}
            role="tab"
            type="button"
          >
            {QUEUE_LABELS[name]}
          </button>
        ))}
      </div>
      <div style={{ display: 'flex', gap: 16, marginBottom: 16 }}>
        <SelectField emptyOption="All" label="Status" onChange={setFilter('status')} options={TASK_STATUSES} value={filters.status} />
        <SelectField emptyOption="All" label="Locale" onChange={setFilter('locale')} options={targetLocales} value={filters.locale} />
        <SelectField
          emptyOption="All"
          label="Collection"
          onChange={setFilter('collection')}
          options={collections}
          value={filters.collection}
        />
      </div>
      {result && (
        <p aria-label="Counts per status">{TASK_STATUSES.map((status) => `${status}: ${result.counts[status] ?? 0}`).join(' · ')}</p>
      )}
      <OutcomeMessage outcome={message} />
      {result && result.docs.length === 0 && <p>No tasks here.</p>}
      {result && result.docs.length > 0 && (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <HeadingRow headings={['Collection', 'Document', 'Locale', 'Status', 'Priority', 'Due', 'Words', '']} />
          <tbody>
            {result.docs.map((task) => (
              <tr aria-label={`${task.targetCollection} ${task.documentId} ${task.locale}`} key={task.id}>
                <td>{task.targetCollection}</td>
                <td>{task.documentId}</td>
                <td>{task.locale}</td>
                <td>{task.status}</td>
                <td>{task.priority}</td>
                <td>{task.dueDate ? new Date(task.dueDate).toLocaleDateString() : ''}</td>
                <td>{task.sourceWordCount ?? ''}</td>
                <td style={{ display: 'flex', gap: 8 }}>
                  {queue === 'open' ? (
                    <button className="btn btn--style-secondary btn--size-small" onClick={() => void act(task, 'claim')} type="button">
                      Claim
                    </button>
                  ) : (
                    <>
                      <a href={`${serverURL}${editorUrl(admin, task.id)}`}>Translate</a>
                      <button className="btn btn--style-secondary btn--size-small" onClick={() => void act(task, 'unclaim')} type="button">
                        Unclaim
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
