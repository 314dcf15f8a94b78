import type { PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

/**
 * Runs `run` in the request's transaction: one is started when the request has none yet (and the
 * database has them), committed when `run` succeeds and rolled back when it throws. A caller that
 * already holds a transaction keeps ownership of it, as Payload's own operations do.
 */
export async function inTransaction<T>(req: PayloadRequest, run: () => Promise<T>): Promise<T> {
  const shouldCommit = await initTransaction(req)
  try {
    const result = await run()
    if (shouldCommit) {
      await commitTransaction(req)
    }
    return result
  } catch (error) {
    if (shouldCommit) {
      await killTransaction(req)
    }
    throw error
  }
}
