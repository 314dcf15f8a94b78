/** Small pieces the plugins' admin views share. */
import React from 'react'

type SelectFieldProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  /** An empty first choice, for filters: e.g. "All". */
  emptyOption?: string
  label: string
  options: readonly string[]
}

/** A labelled select of plain string choices, as the plugins' admin views use for filters and forms. */
export const SelectField: React.FC<SelectFieldProps> = ({ emptyOption, label, options, ...select }) => (
  <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
    {label}
    <select {...select}>
      {emptyOption !== undefined && <option value="">{emptyOption}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  </label>
)

/** What the last action came to: the server's message, or the error that stopped it. */
export type Outcome = { error: boolean; text: string }

/** Announced to screen readers: an error as an alert, anything else as a polite status. */
export const OutcomeMessage: React.FC<{ outcome?: Outcome }> = ({ outcome }) =>
  outcome ? (
    <p role={outcome.error ? 'alert' : 'status'} style={{ color: outcome.error ? 'var(--theme-error-500)' : undefined }}>
      {outcome.text}
    </p>
  ) : null

/** A table's header row of left-aligned column names. */
export const HeadingRow: React.FC<{ headings: readonly string[] }> = ({ headings }) => (
  <thead>
    <tr>
      {headings.map((heading) => (
        <th key={heading} style={{ textAlign: 'left' }}>
          {heading}
        </th>
      ))}
    </tr>
  </thead>
)
