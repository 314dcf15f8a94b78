import type { EmailAdapter, SendEmailOptions } from 'payload'

import fs from 'node:fs'
import nodemailer from 'nodemailer'

export type SentEmail = { html?: string; sentAt: string; subject: string; text?: string; to: string[] }

/** The most recent messages, newest last: what tests and a developer without SMTP inspect. */
export const outbox: SentEmail[] = []
const outboxLimit = 500

const recipients = (to: SendEmailOptions['to']): string[] =>
  (Array.isArray(to) ? to : to ? [to] : []).map((address) => (typeof address === 'string' ? address : address.address))

/**
 * Payload's e-mail adapter. With SMTP_URL, mail goes out through nodemailer; without it (development,
 * tests) messages are kept in `outbox`, logged, and appended to EMAIL_OUTBOX_FILE when set, so
 * notifications can be seen without a mail server.
 */
export function emailAdapter({
  fromAddress,
  fromName,
  outboxFile,
  smtpUrl,
}: {
  fromAddress: string
  fromName: string
  outboxFile?: string
  smtpUrl?: string
}): EmailAdapter {
  return ({ payload }) => {
    const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined
    return {
      name: transport ? 'smtp' : 'outbox',
      defaultFromAddress: fromAddress,
      defaultFromName: fromName,
      sendEmail: async (message) => {
        if (transport) {
          return transport.sendMail({ from: `${fromName} <${fromAddress}>`, ...message } as nodemailer.SendMailOptions)
        }
        const sent: SentEmail = {
          html: typeof message.html === 'string' ? message.html : undefined,
          sentAt: new Date().toISOString(),
          subject: String(message.subject ?? ''),
          text: typeof message.text === 'string' ? message.text : undefined,
          to: recipients(message.to),
        }
        outbox.push(sent)
        outbox.splice(0, Math.max(0, outbox.length - outboxLimit))
        if (outboxFile) {
          fs.appendFileSync(outboxFile, `${JSON.stringify(sent)}\n`)
        }
        payload.logger.info({ subject: sent.subject, to: sent.to }, 'e-mail kept in the outbox (no SMTP_URL)')
      },
    }
  }
}
