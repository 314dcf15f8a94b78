import { ERRORS } from '../constants'
import { type Actor, planTransition, type TaskState } from './transitions'

const translator: Actor = { id: 1, isEditor: false, mayReview: true, translates: true }
const colleague: Actor = { id: 2, isEditor: false, mayReview: true, translates: true }
const editor: Actor = { id: 3, isEditor: true, mayReview: true, translates: false }
const outsider: Actor = { id: 4, isEditor: false, mayReview: false, translates: false }

const task = (state: Partial<TaskState>): TaskState => ({ assignee: null, status: 'untranslated', translatedBy: null, ...state })
const inReview = task({ assignee: 1, status: 'in-review', translatedBy: 1 })

describe('planTransition', () => {
  test.each([
    ['claim an open task', 'claim', task({}), translator, { assignee: 1, status: 'in-progress' }],
    ['claim an outdated task keeps the signal', 'claim', task({ status: 'outdated' }), translator, { assignee: 1, status: 'outdated' }],
    ['unclaim my task', 'unclaim', task({ assignee: 1, status: 'in-progress' }), translator, { assignee: null }],
    ['an editor unclaims for someone', 'unclaim', task({ assignee: 1, status: 'in-progress' }), editor, { assignee: null }],
    ['submit my task', 'submit', task({ assignee: 1, status: 'returned' }), translator, { status: 'in-review', translatedBy: 1 }],
    ['a colleague approves', 'approve', inReview, colleague, { reviewer: 2, status: 'approved' }],
    ['an editor approves', 'approve', inReview, editor, { reviewer: 3, status: 'approved' }],
  ] as const)('%s', (_name, action, state, actor, data) => {
    expect(planTransition(action, state, actor)).toEqual({ data, ok: true })
  })

  test.each([
    ['claim without the language', 'claim', task({}), outsider, 403, ERRORS.notTranslator],
    ['claim a taken task', 'claim', task({ assignee: 2, status: 'in-progress' }), translator, 409, ERRORS.claimTaken],
    ['claim a task in review', 'claim', task({ status: 'in-review' }), translator, 409, ERRORS.wrongStatus('claim', 'in-review')],
    ['unclaim someone else’s task', 'unclaim', task({ assignee: 2, status: 'in-progress' }), translator, 403, ERRORS.notAssignee],
    ['submit someone else’s task', 'submit', task({ assignee: 2, status: 'in-progress' }), translator, 403, ERRORS.notAssignee],
    ['submit twice', 'submit', inReview, translator, 409, ERRORS.wrongStatus('submit', 'in-review')],
    ['review my own translation', 'approve', inReview, translator, 403, ERRORS.selfReview],
    ['review without the language', 'approve', inReview, outsider, 403, ERRORS.notReviewer],
    [
      'approve what is not in review',
      'approve',
      task({ assignee: 1, status: 'in-progress' }),
      colleague,
      409,
      ERRORS.wrongStatus('approve', 'in-progress'),
    ],
    ['return without a comment', 'return', inReview, colleague, 400, ERRORS.commentsRequired],
  ] as const)('refuses to %s', (_name, action, state, actor, status, message) => {
    expect(planTransition(action, state, actor, action === 'return' ? '  ' : undefined)).toEqual({ message, ok: false, status })
  })

  test('return with a comment', () => {
    expect(planTransition('return', inReview, colleague, 'Use "slachtoffer", not "victim".')).toEqual({
      data: { reviewer: 2, status: 'returned' },
      ok: true,
    })
  })
})
