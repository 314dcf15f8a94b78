import type { CollectionConfig } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { readVoteContent, readVotes } from '../access/gateSecrecy'
import { VOTE_CHOICES } from '../constants'
import { keepUserWritableBeforeOperation } from '../hooks/keepUserWritableBeforeOperation'
import { settleRoundAfterVote } from '../hooks/settleRoundAfterVote'
import { validateVoteBeforeChange } from '../hooks/validateVoteBeforeChange'

/**
 * One vote per member and round, changeable until the round closes (a recusal is final). Read by
 * the steering group and administrators only; how a member voted stays with them and the
 * administrators until the round is decided (`access/gateSecrecy.ts`).
 */
export const generateGateVotesCollection = (options: ResolvedPhaseGateOptions): CollectionConfig => ({
  slug: options.slugs.votes,
  access: {
    create: ({ req }) => options.isMember(req.user),
    delete: () => false,
    read: readVotes(options),
    // Members change their own vote only.
    update: ({ req }) => options.isMember(req.user) && { member: { equals: req.user!.id } },
  },
  admin: { defaultColumns: ['round', 'member', 'choice', 'castAt'], group: 'Steering group' },
  // A copied vote would be a second ballot.
  disableDuplicate: true,
  fields: [
    { name: 'round', type: 'relationship', index: true, relationTo: options.slugs.rounds, required: true },
    { name: 'member', type: 'relationship', admin: { readOnly: true }, index: true, relationTo: options.users.slug },
    { name: 'choice', type: 'select', access: { read: readVoteContent(options) }, options: [...VOTE_CHOICES], required: true },
    {
      name: 'comment',
      type: 'textarea',
      access: { read: readVoteContent(options) },
      admin: { description: 'Required except for an abstention; for a recusal, declare the conflict of interest.' },
    },
    { name: 'castAt', type: 'date', admin: { readOnly: true } },
  ],
  hooks: {
    afterChange: [settleRoundAfterVote(options)],
    beforeChange: [validateVoteBeforeChange(options)],
    beforeOperation: [keepUserWritableBeforeOperation({ create: ['round', 'choice', 'comment'], update: ['choice', 'comment'] })],
  },
  indexes: [{ fields: ['round', 'member'], unique: true }],
})
