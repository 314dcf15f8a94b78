import { verificationState } from './verification'

const verified = new Date('2026-01-01T00:00:00Z')
const daysLater = (days: number) => new Date(verified.getTime() + days * 86_400_000)

describe('verificationState', () => {
  test.each([
    [0, 180, 'current'],
    [149, 180, 'current'],
    [150, 180, 'due'],
    [180, 180, 'due'],
    [181, 180, 'overdue'],
    [40, 60, 'due'],
    [61, 60, 'overdue'],
    [200, null, 'overdue'],
  ])('verified %p days ago, every %p days → %p', (days, intervalDays, status) => {
    expect(verificationState({ intervalDays, lastVerifiedAt: verified, now: daysLater(days) }).status).toBe(status)
  })

  test('never verified is unverified, with no due date', () => {
    expect(verificationState({ lastVerifiedAt: null, now: verified })).toEqual({ nextDueAt: null, status: 'unverified' })
  })

  test('the next due date is the last check plus the interval', () => {
    expect(verificationState({ intervalDays: 90, lastVerifiedAt: verified, now: verified }).nextDueAt).toBe(
      '2026-04-01T00:00:00.000Z',
    )
  })
})
