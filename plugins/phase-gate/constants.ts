/**
 * Names shared by the phase gate's rule, its tests and (later) its collections and admin UI, so
 * none of them spells a choice or an outcome twice.
 */

/** Slugs of the plugin's own collections unless `slugs` says otherwise. */
export const DEFAULT_SLUGS = { events: 'gate-events', gates: 'gates', rounds: 'gate-rounds', votes: 'gate-votes' } as const

/** What a steering-group member may record on a round. */
export const VOTE_CHOICES = ['approve', 'request-changes', 'reject', 'abstain', 'recuse'] as const

export type VoteChoice = (typeof VOTE_CHOICES)[number]

/**
 * The formal outcomes of a round: `go` releases the phase's snapshot, `recycle` sends it back to
 * editing with the collected comments, `hold` keeps everything closed (no quorum or no majority),
 * `kill` withdraws the phase's content from publication.
 */
export const GATE_OUTCOMES = ['go', 'recycle', 'hold', 'kill'] as const

export type GateOutcome = (typeof GATE_OUTCOMES)[number]

/** Why a round ended as it did; stored with the decision and shown to the steering group. */
export const DECISION_REASONS = {
  /** At least one member asked for changes and nobody rejected. */
  changesRequested: 'changes-requested',
  /** Approvals reached the required majority with no rejection (and no request for changes). */
  majorityApproved: 'majority-approved',
  /** A majority of the counted members rejected. */
  majorityRejected: 'majority-rejected',
  /** Everyone counted voted (or the due date passed with a quorum) yet no outcome rule matched. */
  noMajority: 'no-majority',
  /** Every eligible member recused, or there was nobody eligible: nobody can decide. */
  noVoters: 'no-voters',
  /** The due date passed before enough members took part. */
  quorumNotReached: 'quorum-not-reached',
} as const

export type DecisionReason = (typeof DECISION_REASONS)[keyof typeof DECISION_REASONS]

/** How a round came to be decided. */
export const DECIDED_BECAUSE = ['all-voted', 'due-date'] as const

export type DecidedBecause = (typeof DECIDED_BECAUSE)[number]

/** A gate's standing decision: `none` until its first round is decided. */
export const GATE_DECISIONS = ['none', ...GATE_OUTCOMES] as const

export type GateDecision = (typeof GATE_DECISIONS)[number]

/**
 * `deciding`: the decision is taken and stored (the round is closed), what it sets off (the gate's
 * standing decision, the log, notices, the publishes on `go`) is still being carried out, or was cut
 * short and will be carried out again (`operations/settleRound.ts`).
 */
export const ROUND_STATUSES = ['open', 'deciding', 'decided'] as const

export type RoundStatus = (typeof ROUND_STATUSES)[number]

/**
 * The webhook events the gate announces through the delivery API (`config.custom.deliveryApi`);
 * plugins/index.ts passes them to the delivery API's `webhooks.events`.
 */
export const PHASE_GATE_WEBHOOK_EVENTS = ['gate-decision'] as const

/** What the decision log records. */
export const EVENT_TYPES = [
  'round-opened',
  'vote-cast',
  'vote-changed',
  'recusal',
  'decision',
  'decision-override',
  'sequence-override',
  'published-on-go',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

/** The log entries that record how a member voted: secret until their round is decided. */
export const VOTE_EVENT_TYPES: readonly EventType[] = ['vote-cast', 'vote-changed', 'recusal']

/** Votes that must say why. An abstention may stay silent; a recusal names the conflict of interest. */
export const CHOICES_NEEDING_COMMENT: readonly VoteChoice[] = ['approve', 'request-changes', 'reject', 'recuse']

/**
 * How long the process that takes a decision has to carry it out before another may take over
 * (a process that died in between leaves the round `deciding`).
 */
export const DECISION_LEASE_MS = 30_000

/** Keys of `req.context` the plugin sets on its own operations. */
export const CONTEXT_KEYS = {
  /** The plugin's own writes (decisions, publish on go): not a user's action, not re-checked. */
  system: 'phaseGateSystem',
} as const

export const ERRORS = {
  alreadyVoted: 'You have already voted in this round; change your vote by updating it.',
  changedSinceSnapshot: (gate: string, locales: string[]) =>
    `The ${locales.join(', ')} content changed after the gate of ${gate} took its snapshot; the change needs the next review round.`,
  commentRequired: (choice: string) => `A vote to ${choice} needs a comment.`,
  criteriaNotMet: (failing: string[]) => `The gate cannot be opened for review: ${failing.join('; ')}.`,
  eventsAreAppendOnly: 'Gate events are append-only: they cannot be changed or deleted.',
  notAMember: 'Only members of the steering group in this round may vote on it.',
  notInSnapshot: (gate: string) =>
    `The gate of ${gate} approved a snapshot that does not contain this document; it needs the next review round.`,
  openerCannotVote: 'You opened this round, so you cannot vote on it.',
  openerMustBeSignedIn: 'A review round is opened by a signed-in member of staff.',
  overrideNeedsReason: 'A decision override needs a written reason.',
  overrideOnlyAdmin: 'Only an administrator may override a decision.',
  phaseHasReviewHistory: 'This phase has been reviewed at its gate; its rounds and decisions refer to it, so it cannot be deleted.',
  publishBlocked: (gate: string, decision: string) =>
    `Publishing is blocked by the gate of ${gate}: its decision is "${decision}", publishing needs "go".`,
  recusalIsFinal: 'You recused yourself from this round: a recusal is final and cannot be changed into a vote.',
  roundAlreadyOpen: 'This gate already has an open review round.',
  roundClosed: 'This round is closed: votes can no longer be cast or changed.',
  roundDueInPast: 'The due date of a review round must lie in the future.',
  roundFieldsAreSystem: 'A round records what happened; only a decision override may be added to it.',
  sequenceBlocked: (previous: string, decision: string) =>
    `This phase cannot become active before ${previous} has passed its gate (its decision is "${decision}"). An administrator may override with a reason.`,
  voteNeedsRound: 'A vote needs its round.',
} as const
