/**
 * Login throttling that a stranger cannot turn into a lockout (finding 18). Payload's own
 * `maxLoginAttempts` locks the account itself, so anyone who knows an e-mail address could lock its
 * owner out with a handful of wrong passwords. Instead, failures are counted (OWASP's
 * "Authentication" and "Credential Stuffing Prevention" cheat sheets):
 *
 * - per client and account: a few consecutive failures from one address refuse that address for
 *   that account only; the owner elsewhere is not affected, and a success clears the count;
 * - per client: one address guessing across many accounts (credential stuffing) is refused for all;
 * - per account, from clients the account has never signed in from: a guess spread over many
 *   addresses is capped, while addresses the owner has signed in from keep working. One address
 *   alone cannot reach this cap (the per-client-and-account count stops it first).
 *
 * Every attempt counts as a failure until it succeeds (then it is refunded), so parallel guesses
 * cannot slip past a check made before the password is known. The counters live in
 * rate-limiter-flexible limiters from `createLimiter` (src/lib/rateLimiters.ts): Redis when the CMS
 * runs as several instances, so that a guesser spreading attempts over them meets one count.
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { createHash } from 'node:crypto'
import { RateLimiterRes } from 'rate-limiter-flexible'

import type { LimiterFactory } from './rateLimiters'

export type LoginThrottleOptions = {
  createLimiter: LimiterFactory
  /** Failures from one client for one account within 15 minutes. */
  maxFailuresPerClientAndAccount: number
  /** Failures from one client across all accounts within an hour. */
  maxFailuresPerClient: number
  /** Failures for one account within an hour, from clients it has never signed in from. */
  maxFailuresPerAccount: number
}

const QUARTER_HOUR = 15 * 60
const HOUR = 60 * 60
/**
 * How long a client that signed in stays trusted for its account. The memory store expires keys
 * with setTimeout, which fires at once for anything above 2^31 ms (24.8 days): keep it below.
 */
const KNOWN_CLIENT_SECONDS = 14 * 24 * HOUR

export class LoginThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins. Try again in ${retryAfterSeconds} s.`)
    this.name = 'LoginThrottled'
  }
}

/**
 * Keys are hashed: the e-mail is whatever the caller typed (and the address whatever a trusted
 * proxy passed on), and a megabyte-long key per failed login would let failures fill the store.
 */
const digest = (value: string) => createHash('sha256').update(value).digest('base64url')

export type LoginAttempt = {
  /** Call once the password was right: the attempt is no longer a failure. */
  succeeded(): Promise<void>
}

export function createLoginThrottle(options: LoginThrottleOptions) {
  const { createLimiter } = options
  const perClientAndAccount = createLimiter({ duration: QUARTER_HOUR, keyPrefix: 'login-client-account', points: options.maxFailuresPerClientAndAccount })
  const perClient = createLimiter({ duration: HOUR, keyPrefix: 'login-client', points: options.maxFailuresPerClient })
  const perAccount = createLimiter({ duration: HOUR, keyPrefix: 'login-account', points: options.maxFailuresPerAccount })
  const knownClients = createLimiter({ duration: KNOWN_CLIENT_SECONDS, keyPrefix: 'login-known-client', points: 1 })

  return {
    /**
     * Counts one attempt by `client` on `account` (the e-mail as typed), or throws LoginThrottled
     * without counting it: a refused attempt must not use up the account's budget for others.
     */
    async attempt(client: string, account: string): Promise<LoginAttempt> {
      const email = digest(account.trim().toLowerCase())
      const address = digest(client)
      const pair = `${address} ${email}`
      const known = (await knownClients.get(pair)) !== null
      const counted: Array<[RateLimiterAbstract, string]> = [
        [perClientAndAccount, pair],
        [perClient, address],
        ...(known ? [] : [[perAccount, email] as [RateLimiterAbstract, string]]),
      ]
      const results = await Promise.allSettled(counted.map(([limiter, key]) => limiter.consume(key)))
      const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []))
      if (refused.length) {
        await Promise.all(counted.map(([limiter, key]) => limiter.reward(key)))
        const waitMs = Math.max(...refused.map((reason) => (reason instanceof RateLimiterRes ? reason.msBeforeNext : HOUR * 1000)))
        throw new LoginThrottled(Math.max(1, Math.ceil(waitMs / 1000)))
      }
      return {
        async succeeded() {
          await Promise.all([
            perClientAndAccount.delete(pair),
            perClient.reward(address),
            known ? undefined : perAccount.reward(email),
            knownClients.set(pair, 1, KNOWN_CLIENT_SECONDS),
          ])
        },
      }
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
