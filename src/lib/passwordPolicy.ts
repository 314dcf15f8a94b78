/**
 * The rule every new password meets (finding 18: Payload's own check accepts three characters).
 * Length first, because a long passphrase is the advice we give; then zxcvbn-ts, which estimates
 * how many guesses a cracker needs against lists of common and leaked passwords, keyboard walks,
 * dates, repeats and l33t spellings, offline. Existing passwords are never re-checked: the rule
 * applies when a password is set.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

export const passwordMinLength = 12
/**
 * zxcvbn's 0–4 scale; 4 means an estimated 10^10 guesses or more. Score 3 (10^8) still let
 * through the passwords that password-spraying lists try first, such as `Summer2024!!`.
 */
export const passwordMinScore = 4
/** pbkdf2 hashes whatever it is given; a cap keeps one request from costing seconds of CPU. */
export const passwordMaxLength = 256

export const PASSWORD_RULES = {
  common: 'The password is too easy to guess: it is, or is built from, a common or leaked password, a name, a date or a keyboard pattern. Use a longer passphrase of unrelated words.',
  tooLong: `The password must be at most ${passwordMaxLength} characters long.`,
  tooShort: `The password must be at least ${passwordMinLength} characters long.`,
} as const

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs })

/**
 * The rule the password breaks, or undefined when it meets the policy. The words of `userInputs`
 * (the account's e-mail and name) count as dictionary words: an attacker tries them first.
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | undefined {
  if (password.length < passwordMinLength) {
    return PASSWORD_RULES.tooShort
  }
  if (password.length > passwordMaxLength) {
    return PASSWORD_RULES.tooLong
  }
  const inputs = userInputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length > 2)
  return estimator.check(password, inputs).score < passwordMinScore ? PASSWORD_RULES.common : undefined
}
