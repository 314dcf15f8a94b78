import type { FieldHook } from 'payload'

import { now } from '@/lib/clock'
import { verificationState } from '@/lib/verification'

type VerificationData = { intervalDays?: null | number; lastVerifiedAt?: null | string }

/** Computes `verification.status` on every read, so no API response can carry a stale verdict. */
export const computeVerificationStatusAfterRead: FieldHook = ({ siblingData }) =>
  verificationState({ ...(siblingData as VerificationData), now: now() }).status

export const computeNextDueAtAfterRead: FieldHook = ({ siblingData }) =>
  verificationState({ ...(siblingData as VerificationData), now: now() }).nextDueAt
