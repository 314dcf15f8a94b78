'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { TaskPreTranslation } from '../../operations/preTranslate'

import { HeadingRow, type Outcome, OutcomeMessage, SelectField } from '../../../translation-workflow/exports/client'
import { LEVERAGE_ENDPOINTS, OPEN_TASK_STATUSES } from '../../constants'

type ListedTask = { documentId: string; id: number | string; status: string; targetCollection: string }

type PreTranslateAnswer = { errors?: Array<{ message: string }>; filled?: number; tasks?: TaskPreTranslation[] }

/** What happened to each field of each task, filled (with its origin) or skipped (with the reason). */
const PreTranslationReport: React.FC<{ reports: TaskPreTranslation[] }> = ({ reports }) => (
  <table aria-label="Pre-translation report" style={{ borderCollapse: 'collapse', width: '100%' }}>
    <HeadingRow headings={['Document', 'Field', 'Result', 'Detail']} />
    <tbody>
      {reports.flatMap((report) => {
        const document = report.document ?? `task ${report.task}`
        return [
          ...report.filled.map((fill) => (
            <tr aria-label={`${document} ${fill.field}`} key={`${report.task} filled ${fill.field}`}>
              <td>{document}</td>
              <td>{fill.field}</td>
              <td>filled ({fill.origin})</td>
              <td>{fill.memoryOrigin ? `memory entry from ${fill.memoryOrigin}` : 'draft, to be reviewed'}</td>
            </tr>
          )),
          ...report.skipped.map((skipped, index) => (
            <tr aria-label={`${document} ${skipped.field ?? 'task'}`} key={`${report.task} skipped ${skipped.field ?? index}`}>
              <td>{document}</td>
              <td>{skipped.field ?? '—'}</td>
              <td>skipped ({skipped.reason})</td>
              <td>{skipped.message}</td>
            </tr>
          )),
        ]
      })}
    </tbody>
  </table>
)

/**
 * Choose open tasks of a locale (a translator's own, any for an editor) and pre-translate them
 * through the same endpoint a script uses; the server decides what the user may fill.
 */
export const PreTranslateSection: React.FC<{ isEditor: boolean; targetLocales: string[]; tasksCollection: string }> = ({
  isEditor,
  targetLocales,
  tasksCollection,
}) => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const { user } = useAuth()
  const [tasks, setTasks] = useState<ListedTask[]>()
  const [outcome, setOutcome] = useState<Outcome>()
  const [reports, setReports] = useState<TaskPreTranslation[]>([])
  const [busy, setBusy] = useState(false)

  const listTasks = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const locale = String(new FormData(event.currentTarget).get('locale'))
    const query = new URLSearchParams({ depth: '0', limit: '100', sort: 'id', 'where[and][0][locale][equals]': locale })
    OPEN_TASK_STATUSES.forEach((status, index) => query.set(`where[and][1][status][in][${index}]`, status))
    if (!isEditor && user) {
      query.set('where[and][2][assignee][equals]', String(user.id))
    }
    const response = await fetch(`${serverURL}${api}/${tasksCollection}?${query.toString()}`, { credentials: 'include' })
    const body = (await response.json().catch(() => ({}))) as { docs?: ListedTask[] }
    setTasks(body.docs ?? [])
    setReports([])
    setOutcome(response.ok ? undefined : { error: true, text: `The server answered ${response.status}.` })
  }

  const run = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const chosen = (tasks ?? []).filter((task) => form.getAll('task').includes(String(task.id))).map((task) => task.id)
    if (chosen.length === 0) {
      setOutcome({ error: true, text: 'Choose at least one task.' })
      return
    }
    setBusy(true)
    setOutcome(undefined)
    try {
      const response = await fetch(`${serverURL}${api}${LEVERAGE_ENDPOINTS.preTranslate}`, {
        body: JSON.stringify({ machineTranslation: form.get('machineTranslation') === 'on', tasks: chosen }),
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      })
      const answer = (await response.json().catch(() => ({}))) as PreTranslateAnswer
      setReports(answer.tasks ?? [])
      setOutcome(
        response.ok
          ? { error: false, text: `Pre-translated: ${answer.filled ?? 0} field(s) filled as drafts to be reviewed; nothing was submitted.` }
          : { error: true, text: answer.errors?.map(({ message }) => message).join(' ') || `The server answered ${response.status}.` },
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="xliff-pre-translate" style={{ marginTop: 32 }}>
      <h2 id="xliff-pre-translate">Pre-translate</h2>
      <p>
        Fills empty fields from 100 % and 101 % memory matches (and machine translation if you ask for it) as drafts marked for review. Text
        someone wrote is never replaced; nothing is submitted or published.
      </p>
      <form aria-label="Find tasks to pre-translate" onSubmit={(event) => void listTasks(event)} style={{ alignItems: 'end', display: 'flex', gap: 16 }}>
        <SelectField defaultValue={targetLocales[0]} label="Locale" name="locale" options={targetLocales} required />
        <button className="btn btn--style-secondary" type="submit">
          Show open tasks
        </button>
      </form>
      {tasks && (
        <form aria-label="Pre-translate tasks" onSubmit={(event) => void run(event)}>
          <fieldset>
            <legend>{tasks.length > 0 ? 'Tasks' : 'No open task of yours in this locale.'}</legend>
            {tasks.map((task) => (
              <label key={task.id} style={{ display: 'block' }}>
                <input name="task" type="checkbox" value={String(task.id)} /> {task.targetCollection}/{task.documentId} ({task.status})
              </label>
            ))}
          </fieldset>
          <label style={{ alignItems: 'center', display: 'flex', gap: 4 }}>
            <input name="machineTranslation" type="checkbox" />
            Also machine translation where it is switched on
          </label>
          <button className="btn btn--style-primary" disabled={busy || tasks.length === 0} type="submit">
            Pre-translate
          </button>
        </form>
      )}
      <OutcomeMessage outcome={outcome} />
      {reports.length > 0 && <PreTranslationReport reports={reports} />}
    </section>
  )
}
