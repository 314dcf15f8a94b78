'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { callApi } from '../../../shared/exports/client'
import { editorUrl, type QueueTask } from '../api'

/**
 * In the sidebar of a translated document: each target locale's translation status, linked to the
 * side-by-side editor. Lists only the tasks the signed-in user may read (a translator: their locales).
 */
export const TranslationStatusPanel: React.FC<{ tasksSlug: string }> = ({ tasksSlug }) => {
  const { id, collectionSlug } = useDocumentInfo()
  const {
    config: {
      routes: { admin, api },
      serverURL,
    },
  } = useConfig()
  const [tasks, setTasks] = useState<QueueTask[]>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    if (!id || !collectionSlug) {
      return
    }
    const query = new URLSearchParams({
      depth: '0',
      limit: '100',
      sort: 'locale',
      'where[documentId][equals]': String(id),
      'where[targetCollection][equals]': collectionSlug,
    })
    callApi<{ docs: QueueTask[] }>(`${serverURL}${api}/${tasksSlug}?${query.toString()}`)
      .then(({ docs }) => setTasks(docs))
      .catch((failure: Error) => setError(failure.message))
  }, [api, collectionSlug, id, serverURL, tasksSlug])

  if (!id) {
    return null
  }
  return (
    <section aria-label="Translations" style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 8px' }}>Translations</h4>
      {error && <p role="alert">{error}</p>}
      {tasks && tasks.length === 0 && <p>No translation tasks you can see.</p>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tasks?.map((task) => (
          <li key={task.id} style={{ display: 'flex', gap: 8, justifyContent: 'space-between' }}>
            <a href={`${serverURL}${editorUrl(admin, task.id)}`}>{task.locale}</a>
            <span>{task.status}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
