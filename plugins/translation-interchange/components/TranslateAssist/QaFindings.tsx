'use client'
import React from 'react'

import type { QaFinding } from './assist'

/** QA findings, field by field, each with its severity and the check that found it; errors (which block a submit) in red. */
export const QaFindings: React.FC<{ findings: readonly QaFinding[] }> = ({ findings }) => (
  <section aria-label="QA findings">
    <h2>Quality check</h2>
    {findings.length === 0 ? (
      <p role="status">No problems found.</p>
    ) : (
      <ul>
        {findings.map((finding, index) => (
          <li key={index} style={{ color: finding.level === 'error' ? 'var(--theme-error-500)' : undefined }}>
            <strong>{finding.level}</strong> · {finding.checkLabel ?? finding.check} · {finding.field}: {finding.message}
            {finding.text && (
              <>
                {' '}
                (<q>{finding.text}</q>)
              </>
            )}
          </li>
        ))}
      </ul>
    )}
  </section>
)
