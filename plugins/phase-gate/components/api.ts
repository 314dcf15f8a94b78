export type Criterion = { holds: boolean; label: string; problem?: string }

export type Member = { email?: string; id: number | string; name?: string }

export type Round = {
  changesSincePreviousRound?: {
    added: Array<{ collection: string; id: string }>
    changed: Array<{ collection: string; id: string; locales: string[] }>
    removed: Array<{ collection: string; id: string }>
  }
  decidedAt?: null | string
  dueAt: string
  gate: { criteria?: Criterion[]; id: number | string } | number | string
  id: number | string
  members: string[]
  number: number
  openedBy: Member | null | number | string
  outcome?: null | string
  phase: { id: number | string; title?: string } | number | string
  status: 'decided' | 'open'
}

export type Vote = {
  castAt?: string
  /** Absent while the round is open, unless the vote is the reader's own (or the reader is an admin). */
  choice?: string
  comment?: null | string
  id: number | string
  member: Member | number | string
  round: number | string | { id: number | string }
}
