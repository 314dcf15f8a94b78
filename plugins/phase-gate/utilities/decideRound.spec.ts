import type { VoteChoice } from '../constants'
import type { CastVote, RoundInput } from './decideRound'

import { decideRound } from './decideRound'

const opened = new Date('2026-03-01T09:00:00Z')
const due = new Date('2026-03-08T09:00:00Z')
const before = new Date('2026-03-05T12:00:00Z')
const after = new Date('2026-03-08T09:00:01Z')

const CODES: Record<string, VoteChoice> = {
  A: 'approve',
  B: 'abstain',
  C: 'request-changes',
  R: 'reject',
  X: 'recuse',
}

/**
 * One letter per member m1, m2, …: A approve, C request changes, R reject, B abstain (blank),
 * X recuse, - no vote. 'AACR-' is five members of whom four voted.
 */
const ballot = (letters: string): { members: string[]; votes: CastVote[] } => {
  const members = [...letters].map((_, index) => `m${index + 1}`)
  const votes = [...letters].flatMap((letter, index): CastVote[] =>
    letter === '-' ? [] : [{ castAt: opened, choice: CODES[letter], memberId: `m${index + 1}` }],
  )
  return { members, votes }
}

const decide = (letters: string, now: Date, extra: Partial<RoundInput> = {}) =>
  decideRound({ dueAt: due, now, openedBy: 'opener', ...ballot(letters), ...extra })

describe('decideRound: every member answered before the due date', () => {
  test.each([
    // go: a strict majority approves and nobody rejects or asks for changes
    ['AAAAA', 'go', 'majority-approved'],
    ['AAABB', 'go', 'majority-approved'],
    ['A', 'go', 'majority-approved'],
    ['AX', 'go', 'majority-approved'],
    ['AAXXX', 'go', 'majority-approved'],
    // abstentions stay in the base: 2 of 5 is no majority
    ['AABBB', 'hold', 'no-majority'],
    ['BBBBB', 'hold', 'no-majority'],
    // a tie is no majority
    ['AABB', 'hold', 'no-majority'],
    // recycle: any request for changes without a rejection, even against a majority of approvals
    ['AAAAC', 'recycle', 'changes-requested'],
    ['CCCCC', 'recycle', 'changes-requested'],
    ['CBBBB', 'recycle', 'changes-requested'],
    // a minority rejection blocks go and recycle: the phase holds
    ['AAAAR', 'hold', 'no-majority'],
    ['ACCCR', 'hold', 'no-majority'],
    // kill: a majority of the base rejects
    ['RRRAA', 'kill', 'majority-rejected'],
    ['RRRCC', 'kill', 'majority-rejected'],
    ['RRXXX', 'kill', 'majority-rejected'],
    ['RRAA', 'hold', 'no-majority'],
    // everyone recused: nobody can decide
    ['XXX', 'hold', 'no-voters'],
  ])('%p → %p (%p)', (letters, outcome, reason) => {
    const decision = decide(letters, before)
    expect(decision).toMatchObject({ decided: true, decidedBecause: 'all-voted', outcome, reason })
  })
})

describe('decideRound: the due date passed with votes missing', () => {
  test.each([
    // a quorum (strict majority of the base) took part
    ['AAA--', 'go', 'majority-approved'],
    ['AAB--', 'hold', 'no-majority'],
    ['AC---', 'hold', 'quorum-not-reached'],
    ['ACB--', 'recycle', 'changes-requested'],
    ['RRR--', 'kill', 'majority-rejected'],
    ['RRA--', 'hold', 'no-majority'],
    // too few took part: hold whatever they said
    ['AA---', 'hold', 'quorum-not-reached'],
    ['RR---', 'hold', 'quorum-not-reached'],
    ['-----', 'hold', 'quorum-not-reached'],
    // recusals shrink the base: 2 of 3 is a quorum and a majority
    ['AAXX-', 'go', 'majority-approved'],
    ['A-XXX', 'hold', 'quorum-not-reached'],
  ])('%p → %p (%p)', (letters, outcome, reason) => {
    expect(decide(letters, after)).toMatchObject({ decided: true, decidedBecause: 'due-date', outcome, reason })
  })

  test('exactly at the due date the round closes', () => {
    expect(decide('AAA--', due)).toMatchObject({ decided: true, decidedBecause: 'due-date', outcome: 'go' })
  })
})

describe('decideRound: undecided until everyone answered or the due date', () => {
  test.each([
    ['AAAA-', ['m5']],
    ['RRRR-', ['m5']],
    ['-----', ['m1', 'm2', 'm3', 'm4', 'm5']],
    ['X-B-A', ['m2', 'm4']],
  ])('%p before the due date awaits %p', (letters, awaiting) => {
    expect(decide(letters, before)).toMatchObject({ awaiting, decided: false })
  })

  test('the tally is reported while undecided', () => {
    expect(decide('ACRBX-', before).tally).toEqual({
      abstain: 1,
      approve: 1,
      base: 5,
      eligible: 6,
      notVoted: 1,
      recuse: 1,
      reject: 1,
      requestChanges: 1,
    })
  })
})

describe('decideRound: changed votes', () => {
  const at = (minutes: number) => new Date(opened.getTime() + minutes * 60_000)
  const approve = (memberId: string): CastVote => ({ castAt: at(2), choice: 'approve', memberId })
  const reject = (memberId: string): CastVote => ({ castAt: at(2), choice: 'reject', memberId })

  // m1 changes their mind; m2 and m3 vote once.
  test.each<[string, CastVote[], string]>([
    [
      'reject changed to approve',
      [
        { castAt: at(1), choice: 'reject', memberId: 'm1' },
        { castAt: at(5), choice: 'approve', memberId: 'm1' },
        approve('m2'),
        approve('m3'),
      ],
      'go',
    ],
    [
      'approve changed to request changes',
      [
        { castAt: at(1), choice: 'approve', memberId: 'm1' },
        { castAt: at(5), choice: 'request-changes', memberId: 'm1' },
        approve('m2'),
        approve('m3'),
      ],
      'recycle',
    ],
    [
      'the latest counts whatever the order given',
      [
        { castAt: at(5), choice: 'approve', memberId: 'm1' },
        { castAt: at(1), choice: 'reject', memberId: 'm1' },
        approve('m2'),
        approve('m3'),
      ],
      'go',
    ],
    [
      'a recusal withdrawn by a vote brings the member back into the base',
      [
        { castAt: at(1), choice: 'recuse', memberId: 'm1' },
        { castAt: at(5), choice: 'reject', memberId: 'm1' },
        reject('m2'),
        approve('m3'),
      ],
      'kill',
    ],
    [
      'same instant: the later entry counts',
      [
        { castAt: at(3), choice: 'reject', memberId: 'm1' },
        { castAt: at(3), choice: 'approve', memberId: 'm1' },
        approve('m2'),
        approve('m3'),
      ],
      'go',
    ],
  ])('%s → %p', (_, votes, outcome) => {
    const decision = decideRound({ dueAt: due, members: ['m1', 'm2', 'm3'], now: before, openedBy: 'opener', votes })
    expect(decision).toMatchObject({ decided: true, decidedBecause: 'all-voted', outcome })
    // one current vote per member, not one per entry
    const { abstain, approve: approvals, recuse, reject: rejections, requestChanges } = decision.tally
    expect(abstain + approvals + recuse + rejections + requestChanges).toBe(3)
  })

  test('a recusal withdrawn before the round closes is not counted as a recusal', () => {
    const votes: CastVote[] = [
      { castAt: at(1), choice: 'recuse', memberId: 'm1' },
      { castAt: at(5), choice: 'reject', memberId: 'm1' },
      reject('m2'),
      approve('m3'),
    ]
    expect(decideRound({ dueAt: due, members: ['m1', 'm2', 'm3'], now: before, openedBy: 'opener', votes }).tally).toMatchObject({
      base: 3,
      recuse: 0,
    })
  })
})

describe('decideRound: who counts', () => {
  test('the opener is not eligible and their vote is ignored', () => {
    const decision = decideRound({
      dueAt: due,
      members: ['opener', 'm1', 'm2'],
      now: before,
      openedBy: 'opener',
      votes: [
        { castAt: opened, choice: 'approve', memberId: 'opener' },
        { castAt: opened, choice: 'approve', memberId: 'm1' },
      ],
    })
    expect(decision).toMatchObject({ awaiting: ['m2'], decided: false })
    expect(decision.tally).toMatchObject({ approve: 1, eligible: 2 })
  })

  test('votes of non-members are ignored', () => {
    const decision = decide('AR', before, {
      votes: [
        ...ballot('AR').votes,
        { castAt: opened, choice: 'reject', memberId: 'outsider' },
        { castAt: opened, choice: 'reject', memberId: 'another' },
      ],
    })
    expect(decision).toMatchObject({ decided: true, outcome: 'hold' })
    expect(decision.tally.reject).toBe(1)
  })

  test('numeric ids (SQLite) and string ids (MongoDB) compare alike', () => {
    const decision = decideRound({
      dueAt: due,
      members: [1, 2, 3],
      now: before,
      openedBy: '3',
      votes: [
        { castAt: opened, choice: 'approve', memberId: '1' },
        { castAt: opened, choice: 'approve', memberId: 2 },
      ],
    })
    expect(decision).toMatchObject({ decided: true, outcome: 'go' })
    expect(decision.tally.eligible).toBe(2)
  })

  test('a member listed twice counts once', () => {
    expect(decide('A', before, { members: ['m1', 'm1'] }).tally.eligible).toBe(1)
  })

  test('nobody eligible decides at once, as hold', () => {
    expect(decideRound({ dueAt: due, members: ['opener'], now: before, openedBy: 'opener', votes: [] })).toMatchObject({
      decided: true,
      outcome: 'hold',
      reason: 'no-voters',
    })
  })

  test('ISO strings are accepted for every date', () => {
    expect(
      decideRound({
        dueAt: due.toISOString(),
        members: ['m1'],
        now: after.toISOString(),
        openedBy: null,
        votes: [],
      }),
    ).toMatchObject({ decided: true, outcome: 'hold', reason: 'quorum-not-reached' })
  })

  test('an invalid date is refused, not read as "never due"', () => {
    expect(() => decideRound({ dueAt: 'soon', members: ['m1'], now: before, openedBy: null, votes: [] })).toThrow(/dueAt/)
  })
})

describe('decideRound: a configured rule', () => {
  test.each<[string, string, string, RoundInput['rule']]>([
    ['unanimity for go', 'AAAAB', 'hold', { approvalsForGo: (base) => base }],
    ['unanimity met', 'AAAAX', 'go', { approvalsForGo: (base) => base }],
    ['a majority may carry over requests for changes', 'AAAAC', 'go', { requestChangesBlocksGo: false }],
    ['requests without a majority still recycle', 'AACBB', 'recycle', { requestChangesBlocksGo: false }],
    ['a single rejection kills', 'AAAAR', 'kill', { rejectionsForKill: () => 1 }],
  ])('%s: %p → %p', (_, letters, outcome, rule) => {
    expect(decide(letters, before, { rule })).toMatchObject({ decided: true, outcome })
  })

  test('a stricter quorum at the due date', () => {
    expect(decide('AAA--', after, { rule: { quorum: (base) => base } })).toMatchObject({
      outcome: 'hold',
      reason: 'quorum-not-reached',
    })
  })
})
