/**
 * Whether a hotline's details were checked recently enough to trust. A number that changed since
 * its last check can cost a victim their call, so the state is computed on every read, never
 * stored.
 */
export const dueWindowDays = 30
export const defaultIntervalDays = 180

export type VerificationStatus = 'current' | 'due' | 'overdue' | 'unverified'

const dayMs = 24 * 60 * 60 * 1000

export function verificationState({
  intervalDays,
  lastVerifiedAt,
  now,
}: {
  intervalDays?: null | number
  lastVerifiedAt?: Date | null | string
  now: Date
}): { nextDueAt: null | string; status: VerificationStatus } {
  if (!lastVerifiedAt) {
    return { nextDueAt: null, status: 'unverified' }
  }
  const interval = intervalDays && intervalDays > 0 ? intervalDays : defaultIntervalDays
  const nextDue = new Date(new Date(lastVerifiedAt).getTime() + interval * dayMs)
  const remaining = nextDue.getTime() - now.getTime()
  const status: VerificationStatus = remaining < 0 ? 'overdue' : remaining <= dueWindowDays * dayMs ? 'due' : 'current'
  return { nextDueAt: nextDue.toISOString(), status }
}

/**
 * When a hotline's verdict next changes with time alone: it turns due `dueWindowDays` before its
 * next check, and overdue the first millisecond after it (see verificationState). What caches a
 * hotline's answer must not keep it past these.
 */
export function verificationChangesAt(nextDueAt: null | string | undefined): string[] {
  if (!nextDueAt) {
    return []
  }
  const due = new Date(nextDueAt).getTime()
  return [new Date(due - dueWindowDays * dayMs).toISOString(), new Date(due + 1).toISOString()]
}
