'use client'
import React, { useState } from 'react'

export type ReviewComment = { at?: null | string; comment: string }

/**
 * A reviewer's two answers to a task in review. The comment is required for a return (the server
 * refuses one without it and the editor shows why); it is the translator's guide to what to change.
 */
export const ReviewActions: React.FC<{
  busy: boolean
  onApprove: () => void
  onReturn: (comment: string) => void
}> = ({ busy, onApprove, onReturn }) => {
  const [comment, setComment] = useState('')
  return (
    <section aria-label="Review" style={{ borderTop: '1px solid var(--theme-elevation-150)', marginTop: 24, paddingTop: 12 }}>
      <h2>Review</h2>
      <label htmlFor="tw-review-comment" style={{ display: 'block', fontWeight: 600 }}>
        Comment for the translator (required to return)
      </label>
      <textarea
        id="tw-review-comment"
        onChange={(event) => setComment(event.target.value)}
        required
        rows={3}
        style={{ boxSizing: 'border-box', width: '100%' }}
        value={comment}
      />
      <div style={{ display: 'flex', gap: 12, marginTop: 8 }}>
        <button className="btn btn--style-primary" disabled={busy} onClick={onApprove} type="button">
          Approve
        </button>
        <button className="btn btn--style-secondary" disabled={busy} onClick={() => onReturn(comment)} type="button">
          Return
        </button>
      </div>
    </section>
  )
}

/** What reviewers said when they returned the translation, oldest first. */
export const ReviewHistory: React.FC<{ comments: readonly ReviewComment[] }> = ({ comments }) => (
  <section aria-label="Review comments" style={{ background: 'var(--theme-warning-50)', padding: 12 }}>
    <h2>Returned by the reviewer</h2>
    <ol>
      {comments.map(({ at, comment }, index) => (
        <li key={index}>
          {at && <time dateTime={at}>{new Date(at).toLocaleString()}: </time>}
          <span style={{ whiteSpace: 'pre-wrap' }}>{comment}</span>
        </li>
      ))}
    </ol>
  </section>
)
