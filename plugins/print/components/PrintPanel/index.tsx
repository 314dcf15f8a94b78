'use client'
import { Button, Pill, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { callApi } from '../../../shared/exports/client'

type Upload = { url?: string } | null | number | string
type LeftOut = { kind: string; label: string; reason: string }
type Edition = {
  generatedAt?: string
  id: number | string
  leftOut?: LeftOut[]
  locale: string
  pages?: number
  pdf?: Upload
  preview?: Upload
  problem?: string
  status: 'current' | 'failed' | 'stale'
  version?: string
}

const urlOf = (upload: Upload | undefined) => (typeof upload === 'object' && upload ? upload.url : undefined)
/** Dates with their year, in the ISO order every partner country reads the same way. */
const dateTime = (iso?: string) => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '—')
const pillStyle = { current: 'success', failed: 'error', stale: 'warning' } as const

/**
 * The deliverable's printed editions, one per language: whether each is current or stale, its
 * version, a preview of its first page and the PDF; what it left out (unverified or overdue
 * hotlines, unreleased modules) and why a language could not be printed.
 */
export const PrintPanel: React.FC<{ editionsSlug: string }> = ({ editionsSlug }) => {
  const { id } = useDocumentInfo()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const [editions, setEditions] = useState<Edition[] | null>(null)
  const [message, setMessage] = useState<string>()
  const base = `${serverURL}${api}`

  const load = useCallback(async () => {
    if (!id) {
      return
    }
    const { docs } = await callApi<{ docs: Edition[] }>(`${base}/${editionsSlug}?where[deliverable][equals]=${id}&depth=1&limit=50&sort=locale`)
    setEditions(docs)
  }, [base, editionsSlug, id])

  useEffect(() => {
    load().catch((error: Error) => setMessage(error.message))
  }, [load])

  if (!id) {
    return <p>The printed editions appear once the deliverable is saved and published.</p>
  }
  const renderAgain = async () => {
    try {
      const { message: queued } = await callApi<{ message: string }>(`${base}/${editionsSlug}/regenerate`, {
        body: { deliverable: id },
        method: 'POST',
      })
      setMessage(queued)
      await load()
    } catch (error) {
      setMessage((error as Error).message)
    }
  }
  return (
    <section aria-label="Print" className="print-panel" style={{ marginBottom: 'var(--base)' }}>
      <h4>Print</h4>
      {message ? <p role="status">{message}</p> : null}
      {editions === null ? <p>Loading…</p> : null}
      {editions?.length === 0 ? <p>No edition yet: a print is made when the deliverable is published and its phase released.</p> : null}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {editions?.map((edition) => (
          <li key={edition.id} style={{ borderTop: '1px solid var(--theme-elevation-100)', padding: 'calc(var(--base) / 2) 0' }}>
            <strong>{edition.locale.toUpperCase()}</strong> <Pill pillStyle={pillStyle[edition.status]}>{edition.status}</Pill>{' '}
            <span>
              v{edition.version ?? '—'} · {dateTime(edition.generatedAt)}
              {edition.pages ? ` · ${edition.pages} p.` : ''}
            </span>
            {urlOf(edition.preview) ? (
              <div>
                <img
                  alt={`First page, ${edition.locale}`}
                  src={urlOf(edition.preview)}
                  style={{ border: '1px solid var(--theme-elevation-150)', marginTop: 4, maxWidth: 120 }}
                />
              </div>
            ) : null}
            {urlOf(edition.pdf) ? (
              <div>
                <a href={urlOf(edition.pdf)}>Download PDF</a>
              </div>
            ) : null}
            {edition.problem ? <p style={{ color: 'var(--theme-error-500)' }}>{edition.problem}</p> : null}
            {edition.leftOut?.length ? (
              <details>
                <summary>Left out ({edition.leftOut.length})</summary>
                <ul>
                  {edition.leftOut.map((item) => (
                    <li key={`${item.kind}:${item.label}`}>
                      {item.label}: {item.reason}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      <Button buttonStyle="secondary" onClick={renderAgain} size="small">
        Render all languages again
      </Button>
    </section>
  )
}
