import type { PayloadRequest } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { RoundDoc } from './gates'

import { relationId } from '../../shared'
import { phaseName } from './gates'

type Person = { email?: string; id: number | string } & Record<string, unknown>

async function staffWhere(req: PayloadRequest, options: ResolvedPhaseGateOptions, keep: (user: Person) => boolean): Promise<Person[]> {
  const { docs } = await req.payload.find({
    collection: options.users.slug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  return (docs as unknown as Person[]).filter(keep)
}

/**
 * One message per person, so no recipient sees who else was told. A failed delivery is logged and
 * does not undo the vote or decision that caused it.
 */
async function send(req: PayloadRequest, people: Person[], subject: string, text: string) {
  const addresses = [...new Set(people.flatMap(({ email }) => (email ? [email] : [])))]
  for (const to of addresses) {
    try {
      await req.payload.sendEmail({ subject, text, to })
    } catch (error) {
      req.payload.logger.error({ err: error, subject, to }, 'phase gate: e-mail could not be sent')
    }
  }
}

const eligibleOf = (round: RoundDoc) => round.members.filter((member) => member !== String(relationId(round.openedBy)))

export async function notifyRoundOpened(req: PayloadRequest, options: ResolvedPhaseGateOptions, round: RoundDoc) {
  const eligible = new Set(eligibleOf(round))
  const people = await staffWhere(req, options, ({ id }) => eligible.has(String(id)))
  const name = await phaseName(req, options, relationId(round.phase)!)
  await send(
    req,
    people,
    `Gate review opened: ${name}, round ${round.number}`,
    `Round ${round.number} of the gate of ${name} is open for your vote until ${new Date(round.dueAt).toUTCString()}.`,
  )
}

export async function notifyVotersDue(req: PayloadRequest, options: ResolvedPhaseGateOptions, round: RoundDoc, awaiting: string[]) {
  const waiting = new Set(awaiting)
  const people = await staffWhere(req, options, ({ id }) => waiting.has(String(id)))
  const name = await phaseName(req, options, relationId(round.phase)!)
  await send(
    req,
    people,
    `Reminder: your vote on the gate of ${name} is due`,
    `Round ${round.number} of the gate of ${name} closes on ${new Date(round.dueAt).toUTCString()} and still awaits your vote.`,
  )
}

type DecidedRound = RoundDoc & { comments?: Array<{ choice: string; comment: string }> | null; decisionReason?: string }

export async function notifyDecision(req: PayloadRequest, options: ResolvedPhaseGateOptions, round: DecidedRound) {
  const members = new Set(round.members)
  const asUser = (user: Person) => ({ ...user, collection: options.users.slug }) as never
  // Votes are for the steering group and administrators; other editors learn the decision only.
  const seesVotes = (user: Person) => members.has(String(user.id)) || options.isAdmin(asUser(user)) || options.isMember(asUser(user))
  const people = await staffWhere(req, options, (user) => members.has(String(user.id)) || options.isEditor(asUser(user)))
  const name = await phaseName(req, options, relationId(round.phase)!)
  const overridden = round.override?.reason
    ? ` by an administrator's override: ${round.override.reason}`
    : ` (${round.decisionReason ?? ''})`
  const comments = (round.comments ?? []).map(({ choice, comment }) => `- ${choice}: ${comment}`)
  const subject = `Gate decision for ${name}: ${round.outcome}`
  const text = `Round ${round.number} of the gate of ${name} was decided "${round.outcome}"${overridden}.`
  await send(
    req,
    people.filter(seesVotes),
    subject,
    [text, ...(comments.length ? ['', 'Comments:', ...comments] : [])].join('\n'),
  )
  await send(
    req,
    people.filter((user) => !seesVotes(user)),
    subject,
    [text, ...(comments.length ? ['', 'The steering group can tell you what it asked for.'] : [])].join('\n'),
  )
}
