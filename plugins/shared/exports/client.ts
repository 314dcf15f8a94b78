export { type Relation, relationId } from '../utilities/relationId'

/** A refusal from the API: its message, and the `data` its errors carried (a refused submit's QA findings). */
export class ApiError extends Error {
  readonly data: unknown[]

  constructor(message: string, data: unknown[]) {
    super(message)
    this.data = data
  }
}

/** The admin UI talks to the same REST API as everyone else, with the signed-in session's cookie. */
export async function callApi<T>(url: string, init: { body?: unknown; method?: string } = {}): Promise<T> {
  const response = await fetch(url, {
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'include',
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    method: init.method ?? 'GET',
  })
  const body = (await response.json().catch(() => ({}))) as T & { errors?: Array<{ data?: unknown; message: string }> }
  if (!response.ok) {
    const errors = body.errors ?? []
    throw new ApiError(
      errors.map(({ message }) => message).join(' ') || `The server answered ${response.status}.`,
      errors.map(({ data }) => data).filter((data) => data !== undefined),
    )
  }
  return body
}
