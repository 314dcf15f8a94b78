import { type Availability, instantOfWallClock, openNow } from './openNow'

type Hours = NonNullable<Availability['hours']>

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri']
const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** What openNow says at an instant, with the next change as an ISO string for readable failures. */
const stateAt = (availability: Availability | null, at: string) => {
  const { nextChangeAt, open } = openNow(availability, new Date(at))
  return { next: nextChangeAt?.toISOString() ?? null, open }
}

const hoursIn = (hours: Hours, timeZone: null | string = 'Europe/Brussels'): Availability => ({ alwaysOpen: false, hours, timeZone })

// 2026-12-07 is a Monday in winter: Brussels is UTC+1, London UTC, Helsinki UTC+2.
describe('weekly hours in winter (Europe/Brussels, UTC+1)', () => {
  const office = hoursIn([{ closes: '17:00', days: weekdays, opens: '09:00' }])
  test.each([
    ['Monday 10:00, open until 17:00', '2026-12-07T09:00:00Z', true, '2026-12-07T16:00:00.000Z'],
    ['Monday 08:59, closed until 09:00', '2026-12-07T07:59:00Z', false, '2026-12-07T08:00:00.000Z'],
    ['opening minute is open', '2026-12-07T08:00:00Z', true, '2026-12-07T16:00:00.000Z'],
    ['closing minute is closed, next opening the next morning', '2026-12-07T16:00:00Z', false, '2026-12-08T08:00:00.000Z'],
    ['Friday 17:00, closed over the weekend until Monday 09:00', '2026-12-11T16:00:00Z', false, '2026-12-14T08:00:00.000Z'],
    ['Saturday noon, closed until Monday 09:00', '2026-12-12T11:00:00Z', false, '2026-12-14T08:00:00.000Z'],
  ])('%s', (_, at, open, next) => {
    expect(stateAt(office, at)).toEqual({ next, open })
  })
})

describe('overnight spans belong to the day they are listed on', () => {
  const mondayNights = hoursIn([{ closes: '06:00', days: ['mon'], opens: '22:00' }])
  test.each([
    ["Tuesday 03:00 is Monday night's span", '2026-12-08T02:00:00Z', true, '2026-12-08T05:00:00.000Z'],
    ['Monday 03:00 is not (Sunday is not listed)', '2026-12-07T02:00:00Z', false, '2026-12-07T21:00:00.000Z'],
    ['Monday 22:00 opens', '2026-12-07T21:00:00Z', true, '2026-12-08T05:00:00.000Z'],
    ['Tuesday 22:30 is closed until next Monday 22:00', '2026-12-08T21:30:00Z', false, '2026-12-14T21:00:00.000Z'],
  ])('%s', (_, at, open, next) => {
    expect(stateAt(mondayNights, at)).toEqual({ next, open })
  })

  test("Sunday's overnight span runs into Monday (the week wraps)", () => {
    expect(stateAt(hoursIn([{ closes: '02:00', days: ['sun'], opens: '20:00' }]), '2026-12-07T00:00:00Z')).toEqual({
      next: '2026-12-07T01:00:00.000Z',
      open: true,
    })
  })
})

describe('closes equal to opens is a whole day from that time', () => {
  test.each([
    ['00:00–00:00 is all of Monday: open at 23:59', [{ closes: '00:00', days: ['mon'], opens: '00:00' }], '2026-12-07T22:59:00Z', true, '2026-12-07T23:00:00.000Z'],
    ['00:00–00:00 is not Tuesday', [{ closes: '00:00', days: ['mon'], opens: '00:00' }], '2026-12-07T23:00:00Z', false, '2026-12-13T23:00:00.000Z'],
    ['08:00–08:00 runs to Tuesday 08:00', [{ closes: '08:00', days: ['mon'], opens: '08:00' }], '2026-12-08T06:59:00Z', true, '2026-12-08T07:00:00.000Z'],
  ])('%s', (_, hours, at, open, next) => {
    expect(stateAt(hoursIn(hours), at)).toEqual({ next, open })
  })
})

describe('spans that touch are one opening', () => {
  test('Monday 08:00–00:00 and Tuesday 00:00–12:00 do not close at midnight', () => {
    const hours = [
      { closes: '00:00', days: ['mon'], opens: '08:00' },
      { closes: '12:00', days: ['tue'], opens: '00:00' },
    ]
    expect(stateAt(hoursIn(hours), '2026-12-07T19:00:00Z')).toEqual({ next: '2026-12-08T11:00:00.000Z', open: true })
  })

  test('overlapping entries for the same day merge', () => {
    const hours = [
      { closes: '13:00', days: ['mon'], opens: '09:00' },
      { closes: '18:00', days: ['mon'], opens: '12:00' },
    ]
    expect(stateAt(hoursIn(hours), '2026-12-07T10:00:00Z')).toEqual({ next: '2026-12-07T17:00:00.000Z', open: true })
  })

  test('every day 00:00–00:00 is always open: nothing ever changes', () => {
    expect(stateAt(hoursIn([{ closes: '00:00', days: everyDay, opens: '00:00' }]), '2026-12-09T12:00:00Z')).toEqual({ next: null, open: true })
  })

  test('every day but one is open with a change at the gap', () => {
    const hours = [{ closes: '00:00', days: everyDay.filter((day) => day !== 'sun'), opens: '00:00' }]
    expect(stateAt(hoursIn(hours), '2026-12-09T12:00:00Z')).toEqual({ next: '2026-12-12T23:00:00.000Z', open: true })
  })
})

describe('always open, never open, unreadable hours', () => {
  test('alwaysOpen wins over any hours', () => {
    expect(stateAt({ alwaysOpen: true, hours: [{ closes: '10:00', days: ['mon'], opens: '09:00' }], timeZone: 'Europe/Brussels' }, '2026-12-12T03:00:00Z')).toEqual({
      next: null,
      open: true,
    })
  })

  test.each([
    ['no availability at all', null],
    ['no hours', { alwaysOpen: false, hours: [], timeZone: 'Europe/Brussels' }],
    ['hours without days', hoursIn([{ closes: '17:00', days: [], opens: '09:00' }])],
    ['24:00 is not a time (the validator allows 00:00–23:59)', hoursIn([{ closes: '24:00', days: everyDay, opens: '09:00' }])],
    ['a missing closing time', hoursIn([{ closes: null, days: everyDay, opens: '09:00' }])],
  ])('%s: closed, and nothing will change', (_, availability) => {
    expect(stateAt(availability as Availability | null, '2026-12-07T10:00:00Z')).toEqual({ next: null, open: false })
  })

  test('a line open one hour a week is found a week ahead', () => {
    expect(stateAt(hoursIn([{ closes: '11:00', days: ['wed'], opens: '10:00' }]), '2026-12-10T12:00:00Z')).toEqual({
      next: '2026-12-16T09:00:00.000Z',
      open: false,
    })
  })
})

describe('the time zone is the hotline’s', () => {
  const office = (timeZone: null | string) => hoursIn([{ closes: '17:00', days: weekdays, opens: '09:00' }], timeZone)
  test.each([
    ['Europe/London (UTC+0): 16:30 is open', 'Europe/London', true, '2026-12-07T17:00:00.000Z'],
    ['Europe/Brussels (UTC+1): 17:30 is closed', 'Europe/Brussels', false, '2026-12-08T08:00:00.000Z'],
    ['Europe/Helsinki (UTC+2): 18:30 is closed', 'Europe/Helsinki', false, '2026-12-08T07:00:00.000Z'],
    ['UTC: 16:30 is open', 'UTC', true, '2026-12-07T17:00:00.000Z'],
    ['no zone is read as the field default, Europe/Brussels', null, false, '2026-12-08T08:00:00.000Z'],
  ])('%s', (_, timeZone, open, next) => {
    expect(stateAt(office(timeZone), '2026-12-07T16:30:00Z')).toEqual({ next, open })
  })
})

// EU clocks change at 01:00 UTC on the last Sundays of March and October: 2026-03-29 and 2026-10-25.
describe('spring forward (Sunday 2026-03-29, 02:00 CET → 03:00 CEST)', () => {
  test('Saturday night 22:00–06:00 lasts seven hours', () => {
    const nights = hoursIn([{ closes: '06:00', days: ['sat'], opens: '22:00' }])
    expect(stateAt(nights, '2026-03-28T21:00:00Z')).toEqual({ next: '2026-03-29T04:00:00.000Z', open: true })
    expect(stateAt(nights, '2026-03-29T03:59:00Z')).toEqual({ next: '2026-03-29T04:00:00.000Z', open: true })
    expect(stateAt(nights, '2026-03-29T04:00:00Z')).toEqual({ next: '2026-04-04T20:00:00.000Z', open: false })
  })

  test('02:30 does not exist that night: it is read with the winter offset, i.e. 03:30 summer time', () => {
    expect(instantOfWallClock(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Brussels')).toBe(Date.parse('2026-03-29T01:30:00Z'))
    const early = hoursIn([{ closes: '04:00', days: ['sun'], opens: '02:30' }])
    expect(stateAt(early, '2026-03-29T01:15:00Z')).toEqual({ next: '2026-03-29T01:30:00.000Z', open: false })
    expect(stateAt(early, '2026-03-29T01:45:00Z')).toEqual({ next: '2026-03-29T02:00:00.000Z', open: true })
  })

  test('Monday office hours are on summer time', () => {
    const office = hoursIn([{ closes: '17:00', days: weekdays, opens: '09:00' }])
    expect(stateAt(office, '2026-03-30T06:59:00Z')).toEqual({ next: '2026-03-30T07:00:00.000Z', open: false })
    expect(stateAt(office, '2026-03-30T07:30:00Z')).toEqual({ next: '2026-03-30T15:00:00.000Z', open: true })
  })
})

describe('fall back (Sunday 2026-10-25, 03:00 CEST → 02:00 CET)', () => {
  test('Saturday night 22:00–06:00 lasts nine hours', () => {
    const nights = hoursIn([{ closes: '06:00', days: ['sat'], opens: '22:00' }])
    expect(stateAt(nights, '2026-10-24T20:00:00Z')).toEqual({ next: '2026-10-25T05:00:00.000Z', open: true })
    expect(stateAt(nights, '2026-10-25T04:30:00Z')).toEqual({ next: '2026-10-25T05:00:00.000Z', open: true })
    expect(stateAt(nights, '2026-10-25T05:00:00Z')).toEqual({ next: '2026-10-31T21:00:00.000Z', open: false })
  })

  test('02:30 happens twice that night: a span opening then opens at the first', () => {
    expect(instantOfWallClock(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Brussels')).toBe(Date.parse('2026-10-25T00:30:00Z'))
    const early = hoursIn([{ closes: '03:00', days: ['sun'], opens: '02:30' }])
    expect(stateAt(early, '2026-10-25T00:15:00Z')).toEqual({ next: '2026-10-25T00:30:00.000Z', open: false })
    // 02:15 on the second pass (winter time) is inside the span, which ends at 03:00 winter time.
    expect(stateAt(early, '2026-10-25T01:15:00Z')).toEqual({ next: '2026-10-25T02:00:00.000Z', open: true })
  })
})
