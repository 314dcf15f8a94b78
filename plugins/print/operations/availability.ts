type Hours = {
  closes?: null | string
  days?: null | string[]
  opens?: null | string
}
export type Availability = {
  alwaysOpen?: boolean | null
  hours?: Hours[] | null
  timeZone?: null | string
}

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

// 2024-01-01 was a Monday: the weekday names come from the locale's own calendar data.
const weekdayName = (locale: string, index: number) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(Date.UTC(2024, 0, 1 + index)))

/** "Mon–Fri" for consecutive days, "Mon, Wed" otherwise, in the print's language. */
function dayRanges(locale: string, days: string[]): string {
  const indexes = [...new Set(days.map((day) => WEEK.indexOf(day as (typeof WEEK)[number])).filter((index) => index >= 0))].sort((a, b) => a - b)
  const ranges: string[] = []
  for (let start = 0; start < indexes.length;) {
    let end = start
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) {
      end += 1
    }
    const first = weekdayName(locale, indexes[start])
    ranges.push(
      end - start >= 2
        ? `${first}–${weekdayName(locale, indexes[end])}`
        : indexes
            .slice(start, end + 1)
            .map((index) => weekdayName(locale, index))
            .join(', '),
    )
    start = end + 1
  }
  return ranges.join(', ')
}

/** A hotline's opening hours written out for print, e.g. "Mon–Fri 09:00–17:00 (Europe/Brussels)". */
export function describeAvailability(locale: string, availability: Availability | null | undefined, alwaysOpenLabel: string): string {
  if (!availability || availability.alwaysOpen) {
    return availability ? alwaysOpenLabel : ''
  }
  const hours = (availability.hours ?? []).filter((row) => row.days?.length && row.opens && row.closes)
  if (!hours.length) {
    return ''
  }
  const text = hours.map((row) => `${dayRanges(locale, row.days ?? [])} ${row.opens}–${row.closes}`).join('; ')
  return availability.timeZone ? `${text} (${availability.timeZone})` : text
}
