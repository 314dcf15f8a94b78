/**
 * The current time, replaceable in tests: hotline verification moves from current to due to
 * overdue as days pass, and tests must be able to move the days.
 */
let currentTime: () => Date = () => new Date()

export function now(): Date {
  return currentTime()
}

/** Test-only: pass a function returning the time to use, or nothing to go back to the real clock. */
export function setClock(time?: () => Date): void {
  currentTime = time ?? (() => new Date())
}
