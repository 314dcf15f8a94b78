'use client'
import { useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import type { FieldDiff } from '../../utilities/diff'
import type { Entry, Path } from './entries'

import { callApi } from '../api'

type Doc = Record<string, unknown>

type Props = {
  changedFields: Array<FieldDiff & { path: string }>
  collection: string
  documentId: string
  editable: boolean
  entries: Entry[]
  initialTarget: Doc
  locale: string
  /** The top-level fields a save sends: those holding localized values, nothing else. */
  saveKeys: string[]
  sourceLocale: string
  status: string
  taskId: number | string
  tasksSlug: string
  title: string
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

const idOf = (path: Path) => `tw-${path.join('-')}`

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

const Input: React.FC<{
  disabled: boolean
  id: string
  multiline: boolean
  onChange: (value: string) => void
  value: string
}> = ({ id, disabled, multiline, onChange, value }) => {
  const style = { boxSizing: 'border-box' as const, width: '100%' }
  return multiline ? (
    <textarea disabled={disabled} id={id} onChange={(event) => onChange(event.target.value)} rows={4} style={style} value={value} />
  ) : (
    <input disabled={disabled} id={id} onChange={(event) => onChange(event.target.value)} style={style} type="text" value={value} />
  )
}

/**
 * The two panes. Rich text is translated text node by text node, inside a copy of the editor state
 * (so formatting, links and structure are kept); adding or removing paragraphs needs the document's
 * own editor.
 */
export const TranslateEditor: React.FC<Props> = (props) => {
  const { changedFields, collection, documentId, editable, entries, locale, saveKeys, sourceLocale, taskId, tasksSlug, title } = props
  const {
    config: {
      routes: { admin, api },
      serverURL,
    },
  } = useConfig()
  const [target, setTarget] = useState<Doc>(props.initialTarget)
  const [status, setStatus] = useState(props.status)
  const [message, setMessage] = useState<{ error: boolean; text: string }>()
  const [busy, setBusy] = useState(false)
  const targetRef = useRef(target)
  targetRef.current = target
  const diffs = new Map(changedFields.map((diff) => [diff.path, diff]))
  // `editable` is the task as loaded (writable status, assigned to me); a submit ends it.
  const canEdit = editable && !busy && status === props.status

  const change = (path: Path) => (value: string) => setTarget((current) => withValueAt(current, path, value) as Doc)

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
    } finally {
      setBusy(false)
    }
  }, [])

  const saveDraft = useCallback(() => run(async () => (await save(), 'Draft saved.')), [run, save])

  const submit = () =>
    run(async () => {
      await save()
      await callApi(`${serverURL}${api}/${tasksSlug}/${taskId}/submit`, { method: 'POST' })
      setStatus('in-review')
      return 'Submitted for review.'
    })

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
        Status: <strong data-testid="task-status">{status}</strong> ·{' '}
        <a href={`${serverURL}${admin}/collections/${collection}/${documentId}`}>Open the document</a> ·{' '}
        <a href={`${serverURL}${admin}/translations`}>Back to the queue</a>
      </p>
      {!canEdit && !busy && <p>This task is not open for you to translate (claim it from the queue, or it awaits review).</p>}
      <p>Ctrl+S saves the draft.</p>
      <div style={{ display: 'grid', gap: '8px 24px', gridTemplateColumns: '1fr 1fr' }}>
        <strong>Source ({sourceLocale})</strong>
        <strong>Translation ({locale})</strong>
        {entries.map((entry) => {
          const diff = diffs.get(entry.diffKey)
          const highlight = diff ? { borderLeft: '4px solid var(--theme-warning-500)', paddingLeft: 8 } : {}
          return (
            <React.Fragment key={entry.path.join('.')}>
              <div style={highlight}>
                <div style={{ fontWeight: 600 }}>{entry.label}</div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{entry.source}</div>
                {diff && <Diff diff={diff} />}
              </div>
              <div>
                {entry.kind === 'richText' ? (
                  <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                    <legend style={{ fontWeight: 600 }}>{entry.label}</legend>
                    {(entry.richTextNodes ?? []).map((node) => (
                      <div key={node.path.join('.')}>
                        <label htmlFor={idOf(node.path)}>{node.label}</label>
                        <Input
                          disabled={!canEdit}
                          id={idOf(node.path)}
                          multiline
                          onChange={change(node.path)}
                          value={String(valueAt(target, node.path) ?? '')}
                        />
                      </div>
                    ))}
                  </fieldset>
                ) : entry.kind === 'unsupported' ? (
                  <p>{entry.label}: not text; set it in the document itself.</p>
                ) : (
                  <>
                    <label htmlFor={idOf(entry.path)} style={{ fontWeight: 600 }}>
                      {entry.label}
                    </label>
                    <Input
                      disabled={!canEdit}
                      id={idOf(entry.path)}
                      multiline={entry.kind === 'textarea'}
                      onChange={change(entry.path)}
                      value={String(valueAt(target, entry.path) ?? '')}
                    />
                  </>
                )}
              </div>
            </React.Fragment>
          )
        })}
      </div>
      <div style={{ display: 'flex', gap: 12, marginTop: 24 }}>
        <button className="btn btn--style-secondary" disabled={!canEdit} onClick={() => void saveDraft()} type="button">
          Save draft
        </button>
        <button className="btn btn--style-primary" disabled={!canEdit} type="submit">
          Submit for review
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} style={{ color: message.error ? 'var(--theme-error-500)' : undefined }}>
          {message.text}
        </p>
      )}
    </form>
  )
}
