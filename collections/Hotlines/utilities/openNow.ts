/**
 * Whether a hotline is open at an instant, and when that next changes, from its `availability`
 * (weekly hours in the hotline's own time zone). Pure, and Intl only: the zones are Europe/* and
 * UTC, whose rules the Node runtime already carries (a time-zone library would add a second copy of
 * the same tz database that could disagree with the one Intl uses elsewhere).
 *
 * Rules, as an editor writes hours:
 * - `alwaysOpen` wins over any hours: open, and nothing ever changes (`nextChangeAt` null).
 * - A span belongs to the day it is listed on and starts there. When `closes` is earlier than
 *   `opens` (22:00–06:00) it runs into the next day's early hours: Monday 22:00–06:00 is open on
 *   Tuesday at 03:00, and Sunday's overnight span reaches into Monday.
 * - `closes` equal to `opens` is a span of a whole day from that time (00:00–00:00 is the listed
 *   day, 08:00–08:00 until 08:00 the next day). The validator accepts 00:00–23:59 only, so "24:00"
 *   cannot be written and this is the only way to say "all day"; a zero-length span means nothing.
 * - Times are wall-clock times in the hotline's zone, read as RFC 5545 (iCalendar) does on DST
 *   days: a time that does not exist (02:30 on a spring-forward night) is taken with the offset
 *   before the gap, i.e. an hour later on the new clock (03:30); a time that happens twice (02:30 on
 *   a fall-back night) is its first occurrence. So an overnight span over those nights lasts an
 *   hour less or more.
 * - Spans that touch or overlap are one opening: Monday 08:00–00:00 with Tuesday 00:00–12:00 has no
 *   change at midnight.
 * - No hours (or only unreadable ones) and not `alwaysOpen`: closed, and `nextChangeAt` null.
 */

export type Weekday = 'fri' | 'mon' | 'sat' | 'sun' | 'thu' | 'tue' | 'wed'

export type Availability = {
  alwaysOpen?: boolean | null
  hours?: Array<{ closes?: null | string; days?: null | string[]; opens?: null | string }> | null
  timeZone?: null | string
}

export type OpenState = {
  /** The next instant at which `open` flips; null when it never does (24/7, or never open). */
  nextChangeAt: Date | null
  open: boolean
}

/** The field's own default (collections/Hotlines/index.ts): a hotline saved without a zone is read in it. */
export const defaultTimeZone = 'Europe/Brussels'

const minuteMs = 60_000
const dayMs = 24 * 60 * minuteMs
const timeOfDay = /^([01]\d|2[0-3]):([0-5]\d)$/
/** getUTCDay() order. */
const weekdayOfIndex: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
/**
 * Local days looked at around the instant: two back (an overnight or whole-day span listed the day
 * before still runs), eight ahead (the next opening of a line open once a week).
 */
const daysBack = 2
const daysAhead = 8
/** An opening that lasts past this is the whole window: the hours cover the week, i.e. always open. */
const alwaysOpenHorizonMs = 7 * dayMs

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      day: 'numeric',
      hour: 'numeric',
      hourCycle: 'h23',
      minute: 'numeric',
      month: 'numeric',
      second: 'numeric',
      timeZone,
      year: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The wall-clock time in the zone at an instant, as milliseconds of a UTC date with the same fields. */
function wallClockAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value)
    }
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive), to the whole second. */
const offsetAt = (instant: number, timeZone: string) => wallClockAt(Math.floor(instant / 1000) * 1000, timeZone) - Math.floor(instant / 1000) * 1000

// Hundreds of hotlines share a handful of zones and opening times, and a finder request asks the
// same wall times again and again: each conversion costs several Intl calls, so they are kept.
const instants = new Map<string, number>()
const maxRememberedInstants = 20_000

/**
 * The instant a wall-clock time in the zone denotes (RFC 5545 §3.3.5): of the offsets in force a
 * day before and a day after, those that give back the same wall time; the earlier if both do
 * (fall-back), the offset before the gap if neither does (spring-forward).
 */
export function instantOfWallClock(wallMs: number, timeZone: string): number {
  const key = `${timeZone}|${wallMs}`
  const known = instants.get(key)
  if (known !== undefined) {
    return known
  }
  const before = offsetAt(wallMs - dayMs, timeZone)
  const after = offsetAt(wallMs + dayMs, timeZone)
  const candidates = [...new Set([wallMs - before, wallMs - after])].filter((instant) => wallClockAt(instant, timeZone) === wallMs)
  const instant = candidates.length ? Math.min(...candidates) : wallMs - before
  if (instants.size >= maxRememberedInstants) {
    instants.clear()
  }
  instants.set(key, instant)
  return instant
}

const minutesOf = (time: null | string | undefined): number | undefined => {
  const match = time ? timeOfDay.exec(time) : null
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined
}

type Span = { end: number; start: number }

/** Every opening that touches [at − daysBack days, at + daysAhead days], merged where they touch. */
function openingsAround(availability: Availability, at: number, timeZone: string): Span[] {
  const today = Math.floor(wallClockAt(at, timeZone) / dayMs)
  const spans: Span[] = []
  for (const entry of availability.hours ?? []) {
    const opens = minutesOf(entry.opens)
    const closes = minutesOf(entry.closes)
    const days = new Set(entry.days ?? [])
    if (opens === undefined || closes === undefined || !days.size) {
      continue
    }
    // Same time twice is a whole day; an earlier closing is on the next day.
    const closesOnNextDay = closes <= opens
    for (let day = today - daysBack; day <= today + daysAhead; day += 1) {
      if (!days.has(weekdayOfIndex[new Date(day * dayMs).getUTCDay()])) {
        continue
      }
      const start = instantOfWallClock(day * dayMs + opens * minuteMs, timeZone)
      const end = instantOfWallClock((day + (closesOnNextDay ? 1 : 0)) * dayMs + closes * minuteMs, timeZone)
      if (end > start) {
        spans.push({ end, start })
      }
    }
  }
  spans.sort((a, b) => a.start - b.start)
  const merged: Span[] = []
  for (const span of spans) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end)
    } else {
      merged.push({ ...span })
    }
  }
  return merged
}

/** Whether the hotline is open at `at`, and when that next changes. */
export function openNow(availability: Availability | null | undefined, at: Date): OpenState {
  if (availability?.alwaysOpen) {
    return { nextChangeAt: null, open: true }
  }
  const instant = at.getTime()
  const openings = availability ? openingsAround(availability, instant, availability.timeZone || defaultTimeZone) : []
  const current = openings.find((span) => span.start <= instant && instant < span.end)
  if (current) {
    return { nextChangeAt: current.end - instant >= alwaysOpenHorizonMs ? null : new Date(current.end), open: true }
  }
  const next = openings.find((span) => span.start > instant)
  return { nextChangeAt: next ? new Date(next.start) : null, open: false }
}
