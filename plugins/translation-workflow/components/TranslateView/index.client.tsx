'use client'
import { useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import type { FieldDiff } from '../../utilities/diff'
import type { Entry, Path } from './entries'
import type { ReviewComment } from './Review'
import type { TranslateAssist, UseTranslateAssist } from './slot'

import { type Relation, relationId } from '../../../shared/exports/client'
import { ApiError, callApi } from '../../../shared/exports/client'
import { type TaskStatus, WRITABLE_STATUSES } from '../../constants'
import { type Outcome, OutcomeMessage } from '../parts'
import { useHydrated } from '../useHydrated'
import { ReviewActions, ReviewHistory } from './Review'

type Doc = Record<string, unknown>

type Id = number | string

/** The task as far as the editor shows it; a transition answers it anew. */
export type EditorTask = {
  assignee: Id | null
  id: Id
  reviewComments: ReviewComment[]
  status: TaskStatus
  translatedBy: Id | null
}

export type TranslateEditorProps = {
  changedFields: Array<FieldDiff & { path: string }>
  collection: string
  documentId: string
  entries: Entry[]
  initialTarget: Doc
  locale: string
  /** The top-level fields a save sends: those holding localized values, nothing else. */
  saveKeys: string[]
  sourceLocale: string
  task: EditorTask
  tasksSlug: string
  title: string
  /** Help for the translator, given by the plugin that took the view's `editor` slot. */
  useAssist?: UseTranslateAssist
  userId: Id | null
}

const valueAt = (doc: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc)

/** A copy of `doc` with `value` at `path`; the containers on the way are copied, the rest shared. */
const withValueAt = (doc: unknown, path: Path, value: unknown): unknown => {
  if (path.length === 0) {
    return value
  }
  const [key, ...rest] = path
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as Doc) }) as Record<number | string, unknown>
  copy[key] = withValueAt(copy[key], rest, value)
  return copy
}

/** The HTML id of the input for a path; a help's notes about the input derive theirs from it. */
export const inputIdOf = (path: Path) => `tw-${path.join('-')}`

const Diff: React.FC<{ diff: FieldDiff }> = ({ diff }) => (
  <p aria-label="Source change" style={{ background: 'var(--theme-warning-50)', padding: 8, whiteSpace: 'pre-wrap' }}>
    <strong>Source changed: </strong>
    {diff.parts.map((part, index) =>
      part.type === 'added' ? (
        <ins key={index}>{part.text}</ins>
      ) : part.type === 'removed' ? (
        <del key={index}>{part.text}</del>
      ) : (
        <span key={index}>{part.text}</span>
      ),
    )}
  </p>
)

const same = (a: Id | null, b: Id | null) => a !== null && b !== null && String(a) === String(b)

/** The editor's view of a task document as the transition endpoints answer it (depth 0). */
const editorTask = (doc: Record<string, unknown>): EditorTask => ({
  id: doc.id as Id,
  assignee: relationId(doc.assignee as Relation),
  reviewComments: (doc.reviewComments as ReviewComment[] | null | undefined) ?? [],
  status: doc.status as TaskStatus,
  translatedBy: relationId(doc.translatedBy as Relation),
})

const keyOf = (path: Path) => path.join('.')

/** Without a plugin in the view's `editor` slot, the editor offers no help. */
const noAssist: UseTranslateAssist = () => ({})

/** A labelled input for one text value (a field, or one text node of a rich text). */
const TargetInput: React.FC<{
  /** The id of a note about the value, such as that it is a suggestion to review. */
  describedBy?: string
  disabled: boolean
  label: string
  multiline: boolean
  onChange: (value: string) => void
  path: Path
  value: string
}> = ({ describedBy, disabled, label, multiline, onChange, path, value }) => {
  const common = {
    id: inputIdOf(path),
    'aria-describedby': describedBy,
    disabled,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    value,
  }
  const style = { boxSizing: 'border-box' as const, width: '100%' }
  return (
    <>
      <label htmlFor={common.id} style={{ fontWeight: 600 }}>
        {label}
      </label>
      {multiline ? <textarea {...common} rows={4} style={style} /> : <input {...common} style={style} type="text" />}
    </>
  )
}

/** One row of the two panes: the source (changes shown), the inputs, and what the help adds to each. */
const EntryRow: React.FC<{
  assist: TranslateAssist
  canEdit: boolean
  change: (path: Path) => (value: string) => void
  diff?: FieldDiff
  entry: Entry
  target: Doc
}> = ({ assist, canEdit, change, diff, entry, target }) => {
  const highlight = diff ? { borderLeft: '4px solid var(--theme-warning-500)', paddingLeft: 8 } : {}
  const textOf = (path: Path) => String(valueAt(target, path) ?? '')
  return (
    <>
      <div style={highlight}>
        <div style={{ fontWeight: 600 }}>{entry.label}</div>
        {assist.sourceOf?.(entry) ?? <div style={{ whiteSpace: 'pre-wrap' }}>{entry.source}</div>}
        {diff && <Diff diff={diff} />}
      </div>
      <div>
        {entry.kind === 'richText' ? (
          <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
            <legend style={{ fontWeight: 600 }}>{entry.label}</legend>
            {(entry.richTextNodes ?? []).map((node) => (
              <div key={keyOf(node.path)}>
                <TargetInput
                  disabled={!canEdit}
                  label={node.label}
                  multiline
                  onChange={change(node.path)}
                  path={node.path}
                  value={textOf(node.path)}
                />
              </div>
            ))}
          </fieldset>
        ) : entry.kind === 'unsupported' ? (
          <p>{entry.label}: not text; set it in the document itself.</p>
        ) : (
          <TargetInput
            describedBy={assist.describedByOf?.(entry)}
            disabled={!canEdit}
            label={entry.label}
            multiline={entry.kind === 'textarea'}
            onChange={change(entry.path)}
            path={entry.path}
            value={textOf(entry.path)}
          />
        )}
        {assist.belowInput?.(entry)}
      </div>
    </>
  )
}

/**
 * The two panes. Rich text is translated text node by text node, inside a copy of the editor state
 * (so formatting, links and structure are kept); adding or removing paragraphs needs the document's
 * own editor. The translator saves and submits here, a reviewer approves or returns; each through
 * the REST API, whose refusals are shown as they come.
 */
export const TranslateEditor: React.FC<TranslateEditorProps> = (props) => {
  const { changedFields, collection, documentId, entries, locale, saveKeys, sourceLocale, tasksSlug, title, userId } = props
  const {
    config: {
      routes: { admin, api },
      serverURL,
    },
  } = useConfig()
  const [target, setTarget] = useState<Doc>(props.initialTarget)
  const [task, setTask] = useState(props.task)
  const [message, setMessage] = useState<Outcome>()
  const [busy, setBusy] = useState(false)
  const hydrated = useHydrated()
  const targetRef = useRef(target)
  targetRef.current = target
  const diffs = new Map(changedFields.map((diff) => [diff.path, diff]))
  const mayEdit = same(task.assignee, userId) && WRITABLE_STATUSES.includes(task.status)
  const canEdit = mayEdit && !busy && hydrated
  const canReview = task.status === 'in-review' && !same(task.translatedBy, userId)
  const apiUrl = (path: string) => `${serverURL}${api}${path}`

  // The help's latest answer, for the callbacks below that outlive a render.
  const assistRef = useRef<TranslateAssist>({})

  const change = (path: Path) => (value: string) => {
    setTarget((current) => withValueAt(current, path, value) as Doc)
    assistRef.current.onChange?.(path)
  }

  const save = useCallback(async () => {
    const data = Object.fromEntries(saveKeys.map((key) => [key, targetRef.current[key]]))
    await callApi(`${serverURL}${api}/${collection}/${documentId}?locale=${locale}&draft=true&depth=0`, { body: data, method: 'PATCH' })
  }, [api, collection, documentId, locale, saveKeys, serverURL])

  const run = useCallback(async (action: () => Promise<string>) => {
    setBusy(true)
    try {
      setMessage({ error: false, text: await action() })
    } catch (error) {
      setMessage({ error: true, text: (error as Error).message })
      if (error instanceof ApiError) {
        assistRef.current.onRefusal?.(error.data)
      }
    } finally {
      setBusy(false)
    }
  }, [])

  const saveDraft = useCallback(() => run(async () => (await save(), 'Draft saved.')), [run, save])

  const transition = async (action: 'approve' | 'return' | 'submit', body?: { comment: string }) => {
    const answer = await callApi<{ doc: Record<string, unknown>; message: string }>(apiUrl(`/${tasksSlug}/${task.id}/${action}`), {
      body,
      method: 'POST',
    })
    setTask(editorTask(answer.doc))
    return answer.message
  }

  const submit = () => run(async () => (await save(), await transition('submit')))

  const useAssist = props.useAssist ?? noAssist
  const assist = useAssist({
    apiUrl,
    busy,
    canEdit,
    change,
    entries,
    mayEdit,
    run,
    save,
    setValues: (values) =>
      setTarget((current) => values.reduce<Doc>((doc, { path, value }) => withValueAt(doc, path, value) as Doc, current)),
    task,
    valueAt: (path) => valueAt(targetRef.current, path),
  })
  assistRef.current = assist

  useEffect(() => {
    if (!canEdit) {
      return
    }
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault()
        void saveDraft()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [canEdit, saveDraft])

  return (
    <form
      aria-label={`Translate ${title} into ${locale}`}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h1>
        {title}: {sourceLocale} → {locale}
      </h1>
      <p>
        Status: <strong data-testid="task-status">{task.status}</strong> ·{' '}
        <a href={`${serverURL}${admin}/collections/${collection}/${documentId}`}>Open the document</a> ·{' '}
        <a href={`${serverURL}${admin}/translations`}>Back to the queue</a>
      </p>
      {task.status === 'returned' && task.reviewComments.length > 0 && <ReviewHistory comments={task.reviewComments} />}
      {!mayEdit && !canReview && <p>This task is not open for you to translate (claim it from the queue, or it awaits review).</p>}
      {mayEdit && <p>Ctrl+S saves the draft.</p>}
      {assist.notice}
      <div style={{ display: 'grid', gap: '8px 24px', gridTemplateColumns: '1fr 1fr' }}>
        <strong>Source ({sourceLocale})</strong>
        <strong>Translation ({locale})</strong>
        {entries.map((entry) => (
          <EntryRow
            assist={assist}
            canEdit={canEdit}
            change={change}
            diff={diffs.get(entry.diffKey)}
            entry={entry}
            key={keyOf(entry.path)}
            target={target}
          />
        ))}
      </div>
      <div style={{ display: 'flex', gap: 12, marginTop: 24 }}>
        <button className="btn btn--style-secondary" disabled={!canEdit} onClick={() => void saveDraft()} type="button">
          Save draft
        </button>
        {assist.actions}
        <button className="btn btn--style-primary" disabled={!canEdit} type="submit">
          Submit for review
        </button>
      </div>
      {canReview && (
        <ReviewActions
          busy={busy || !hydrated}
          onApprove={() => void run(() => transition('approve'))}
          onReturn={(comment) => void run(() => transition('return', { comment }))}
        />
      )}
      {assist.panel}
      <OutcomeMessage outcome={message} />
    </form>
  )
}
