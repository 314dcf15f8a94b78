import type { Endpoint, Field, GraphQLExtension, PayloadRequest } from 'payload'

import { addDataAndFileToRequest, APIError } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { runTransition } from '../operations/transitions'
import { type Transition, TRANSITIONS } from '../utilities/transitions'

type Id = number | string

const DONE: Record<Transition, string> = {
  approve: 'approved',
  claim: 'claimed',
  return: 'returned',
  submit: 'submitted',
  unclaim: 'unclaimed',
}

/** POST /api/<tasks>/:id/<claim|unclaim|submit|approve|return>, body `{ comment }` for return. */
export const taskEndpoints = (options: ResolvedTranslationWorkflowOptions, fieldsOf: Record<string, Field[]>): Endpoint[] =>
  TRANSITIONS.map((action: Transition): Endpoint => ({
    handler: async (req) => {
      const id = req.routeParams?.id as Id | undefined
      if (id === undefined) {
        throw new APIError('Missing task id.', 400)
      }
      await addDataAndFileToRequest(req)
      const comment = typeof req.data?.comment === 'string' ? req.data.comment : undefined
      const doc = await runTransition(options, fieldsOf, req, action, id, comment)
      return Response.json({ doc, message: `Task ${DONE[action]}.` })
    },
    method: 'post',
    path: `/:id/${action}`,
  }))

/**
 * The same transitions as GraphQL mutations, named after the tasks type: `claimTranslationTask(id)`,
 * …, `returnTranslationTask(id, comment)`; each answers the task as it is afterwards.
 */
export const transitionMutations =
  (options: ResolvedTranslationWorkflowOptions, fieldsOf: Record<string, Field[]>): GraphQLExtension =>
  (graphQL, { collections }) => {
    const type = collections[options.slugs.tasks]?.graphQL?.type
    if (!type) {
      return {}
    }
    return Object.fromEntries(
      TRANSITIONS.map((action) => [
        `${action}${type.name}`,
        {
          type,
          args: {
            id: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
            ...(action === 'return' ? { comment: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) } } : {}),
          },
          resolve: (_: unknown, args: { comment?: string; id: string }, context: { req: PayloadRequest }) =>
            runTransition(options, fieldsOf, context.req, action, args.id, args.comment),
        },
      ]),
    )
  }
