import type { PayloadRequest } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { type NotificationKind, NOTIFICATIONS_OFF_FIELD } from '../constants'
import { findPeople } from './records'

/**
 * E-mails each user who has not switched this kind of notification off. A notification is a side
 * effect of work already done: a mail that cannot be sent is logged, never an error for the caller.
 */
export const notify = async (
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  message: { kind: NotificationKind; subject: string; text: string; userIds: Array<number | string> },
): Promise<number> => {
  const ids = [...new Set(message.userIds.map(String))]
  if (!options.notifications || ids.length === 0) {
    return 0
  }
  try {
    const recipients = (await findPeople(options, req, { id: { in: ids } })).filter(
      (user) => user.email && !(user[NOTIFICATIONS_OFF_FIELD] ?? []).includes(message.kind),
    )
    for (const user of recipients) {
      await req.payload.sendEmail({ subject: message.subject, text: message.text, to: user.email })
    }
    return recipients.length
  } catch (error) {
    req.payload.logger.error({ err: error, kind: message.kind }, 'translation workflow: notification not sent')
    return 0
  }
}
