/** One CSV cell (RFC 4180): quoted when it holds a separator, a quote or a line break. */
const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
  // A leading = + - @ would be run as a formula by spreadsheet software.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Rows as CSV with a header line, in the order of `columns`. */
export const toCsv = (columns: string[], rows: Array<Record<string, unknown>>): string =>
  [columns, ...rows.map((row) => columns.map((column) => row[column]))].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n'
