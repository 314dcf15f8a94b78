/**
 * The rule every new password meets (finding 18: Payload's own check accepts three characters).
 * Length first, because a long passphrase is the advice we give; then zxcvbn-ts, which estimates
 * how many guesses a cracker needs against lists of common and leaked passwords, keyboard walks,
 * dates, repeats and l33t spellings, offline. Existing passwords are never re-checked: the rule
 * applies when a password is set.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

import { projectRoot } from './paths'

export const passwordMinLength = 12
/**
 * zxcvbn's 0–4 scale; 4 means an estimated 10^10 guesses or more. Score 3 (10^8) still let
 * through the passwords that password-spraying lists try first, such as `Summer2024!!`.
 */
export const passwordMinScore = 4
/** pbkdf2 hashes whatever it is given; a cap keeps one request from costing seconds of CPU. */
export const passwordMaxLength = 256
/**
 * zxcvbn's matching grows much faster than length: 256 crafted characters (repeated l33t words,
 * dates) took 0.4–2.4 s. It estimates the first 40 characters only, with at most 4 l33t
 * substitutions per word (worst crafted input about 55 ms alone, several times that on a busy
 * machine); characters after the 40th can only make a password harder to guess.
 */
export const estimatedLength = 40

export const PASSWORD_RULES = {
  common: 'The password is too easy to guess: it is, or is built from, a common or leaked password, a name, a date or a keyboard pattern. Use a longer passphrase of unrelated words.',
  tooLong: `The password must be at most ${passwordMaxLength} characters long.`,
  tooShort: `The password must be at least ${passwordMinLength} characters long.`,
} as const

/**
 * Even bounded, an estimate can hold a thread for a noticeable time, so it runs in a worker thread
 * of its own and the server keeps answering meanwhile. The worker is plain JavaScript given as a
 * string (no TypeScript loader needed, nothing for Next to bundle) and requires the packages by
 * absolute path.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { ZxcvbnFactory } = require(workerData.core)
const { adjacencyGraphs, dictionary } = require(workerData.common)
const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, l33tMaxSubstitutions: 4, maxLength: workerData.maxLength })
parentPort.on('message', ({ id, password, userInputs }) => {
  parentPort.postMessage({ id, score: estimator.check(password, userInputs).score })
})
`

type Pending = { reject(error: unknown): void; resolve(score: number): void }

let estimator: undefined | { pending: Map<number, Pending>; worker: Worker }
let nextId = 0

function startEstimator() {
  const resolvePackage = createRequire(path.join(projectRoot, 'package.json')).resolve
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { common: resolvePackage('@zxcvbn-ts/language-common'), core: resolvePackage('@zxcvbn-ts/core'), maxLength: estimatedLength },
  })
  const pending = new Map<number, Pending>()
  worker.on('message', ({ id, score }: { id: number; score: number }) => {
    pending.get(id)?.resolve(score)
    pending.delete(id)
    if (!pending.size) {
      worker.unref()
    }
  })
  const fail = (error: unknown) => {
    pending.forEach(({ reject }) => reject(error))
    estimator = undefined
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`password estimator stopped (exit ${code})`)))
  // Referenced only while an estimate is pending (Node re-references a worker when listeners are
  // added, so this comes last): an idle estimator must not keep a finished script or test alive.
  worker.unref()
  return { pending, worker }
}

function estimateScore(password: string, userInputs: string[]): Promise<number> {
  estimator ??= startEstimator()
  const { pending, worker } = estimator
  const id = (nextId += 1)
  return new Promise((resolve, reject) => {
    pending.set(id, { reject, resolve })
    worker.ref()
    worker.postMessage({ id, password, userInputs })
  })
}

/**
 * The rule the password breaks, or undefined when it meets the policy. The words of `userInputs`
 * (the account's e-mail and name) count as dictionary words: an attacker tries them first.
 */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<string | undefined> {
  if (password.length < passwordMinLength) {
    return PASSWORD_RULES.tooShort
  }
  if (password.length > passwordMaxLength) {
    return PASSWORD_RULES.tooLong
  }
  const inputs = userInputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length > 2)
  return (await estimateScore(password, inputs)) < passwordMinScore ? PASSWORD_RULES.common : undefined
}
