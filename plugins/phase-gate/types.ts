import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * The quorum rule of a review round. Every threshold receives the **base**: the eligible members
 * (the steering group minus whoever opened the round) who did not recuse. Abstentions stay in the
 * base, so an abstention weighs like a missing approval; recusals leave it.
 */
export type QuorumRule = {
  /**
   * How many approvals a `go` needs.
   * @default a strict majority of the base: `Math.floor(base / 2) + 1`
   */
  approvalsForGo?: (base: number) => number
  /**
   * How many members must have taken part (approve, request changes, reject or abstain) when the
   * due date passes; fewer makes the round `hold`. A round in which everyone voted always has its
   * quorum.
   * @default a strict majority of the base: `Math.floor(base / 2) + 1`
   */
  quorum?: (base: number) => number
  /**
   * How many rejections make the round `kill`.
   * @default a strict majority of the base: `Math.floor(base / 2) + 1`
   */
  rejectionsForKill?: (base: number) => number
  /**
   * Whether a single request for changes prevents `go` (the round is then `recycle`d), as a single
   * rejection does. `false` lets a majority of approvals carry the round over requests for changes.
   * @default true
   */
  requestChangesBlocksGo?: boolean
}

/** The quorum rule with every default filled in. */
export type ResolvedQuorumRule = Required<QuorumRule>

/** The signed-in user as Payload hands it to access functions and hooks. */
export type GateUser = NonNullable<PayloadRequest['user']>

type UserPredicate = (user: GateUser | null | undefined) => boolean

/** A collection whose documents belong to a phase and are published only through its gate. */
export type GatedCollection = {
  /** Slug of the collection. */
  collection: string
  /** Name of its top-level relationship field pointing at the phases collection. */
  phaseField: string
}

/** Who may do what. Required: the plugin knows nothing of the project's roles. */
export type PhaseGateAccess = {
  /** Who may override a decision or a phase's sequence, always with a written reason. */
  isAdmin: UserPredicate
  /** Who edits a gate's checklist, opens rounds and is told of decisions. */
  isEditor: UserPredicate
  /**
   * Who belongs to the programme's staff: staff read gates, rounds, votes and the decision log and
   * see gated content of undecided phases.
   */
  isStaff: UserPredicate
  /**
   * Who belongs to the steering group: members vote, and a round's members are the users of
   * `users.slug` for whom this holds when it opens.
   */
  isSteeringMember: UserPredicate
}

export type PhaseGateOptions = {
  /** Who may do what; see {@link PhaseGateAccess}. */
  access: PhaseGateAccess
  /**
   * Collections whose documents a phase's gate releases for publication.
   */
  gated: GatedCollection[]
  /**
   * The documents every one of which must be approved before a gate can be opened for review.
   * @default undefined: only the checklist counts
   */
  deliverables?: GatedCollection & {
    /** @default 'approved' */
    approvedValue?: string
    /** @default 'workStatus' */
    statusField?: string
  }
  /**
   * Where the plugin's admin components live, as a path from the admin import map's `baseDir`.
   * @default '/plugins/phase-gate/components'
   */
  componentsPath?: string
  /**
   * Days between opening a round and its due date when the opener gives none.
   * @default 14
   */
  defaultRoundDays?: number
  /**
   * Upload collection a checklist item's evidence file may come from.
   * @default undefined: evidence is a text plus a link
   */
  evidenceUploads?: string
  /**
   * Switch the gate's checks off. Its collections stay registered so that the database schema does
   * not change with the switch.
   * @default true
   */
  enabled?: boolean
  /** The phases collection. */
  phases: {
    /**
     * Field giving the phases' order: the phase numbered N follows the phase numbered N − 1.
     * @default 'number'
     */
    orderField?: string
    /** @default 'phases' */
    slug?: string
    /**
     * Field holding the phase's status, and the value that makes it the current phase.
     * @default { field: 'status', active: 'active' }
     */
    status?: { active: string; field: string }
    /**
     * Field used to name a phase in errors and e-mails.
     * @default 'title'
     */
    titleField?: string
  }
  /**
   * Publish the snapshot's documents when a round decides `go` (per locale: the source locale plus
   * the locales the translation workflow has approved, or every locale without the workflow).
   * @default true
   */
  publishOnGo?: boolean
  /** The quorum rule; see {@link QuorumRule}. */
  quorum?: QuorumRule
  /**
   * Hours before the due date at which members who have not voted are reminded.
   * @default 48
   */
  reminderHoursBeforeDue?: number
  /** Slugs of the plugin's own collections. */
  slugs?: {
    /** @default 'gate-events' */
    events?: string
    /** @default 'gates' */
    gates?: string
    /** @default 'gate-rounds' */
    rounds?: string
    /** @default 'gate-votes' */
    votes?: string
  }
  /**
   * The auth collection of staff, and the field naming a person in the decision log.
   * @default { slug: 'users', nameField: 'name' }
   */
  users?: { nameField?: string; slug?: string }
}

/** The options with every default filled in and every slug typed once; what the plugin's parts read. */
export type ResolvedPhaseGateOptions = {
  componentsPath: string
  defaultRoundDays: number
  deliverables?: { approvedValue: string; collection: CollectionSlug; phaseField: string; statusField: string }
  enabled: boolean
  evidenceUploads?: CollectionSlug
  gated: Array<{ collection: CollectionSlug; phaseField: string }>
  isAdmin: UserPredicate
  isEditor: UserPredicate
  isMember: UserPredicate
  isStaff: UserPredicate
  phases: { orderField: string; slug: CollectionSlug; status: { active: string; field: string }; titleField: string }
  publishOnGo: boolean
  quorum: ResolvedQuorumRule
  reminderHoursBeforeDue: number
  slugs: { events: CollectionSlug; gates: CollectionSlug; rounds: CollectionSlug; votes: CollectionSlug }
  users: { nameField: string; slug: CollectionSlug }
}
