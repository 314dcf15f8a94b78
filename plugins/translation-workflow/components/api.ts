/** The admin UI talks to the same REST API as everyone else, with the signed-in session's cookie. */
export async function callApi<T>(url: string, init: { body?: unknown; method?: string } = {}): Promise<T> {
  const response = await fetch(url, {
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'include',
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    method: init.method ?? 'GET',
  })
  const body = (await response.json().catch(() => ({}))) as T & { errors?: Array<{ message: string }> }
  if (!response.ok) {
    throw new Error(body.errors?.map(({ message }) => message).join(' ') || `The server answered ${response.status}.`)
  }
  return body
}

export type QueueTask = {
  documentId: string
  dueDate?: null | string
  id: number | string
  locale: string
  priority: string
  sourceWordCount?: number
  status: string
  targetCollection: string
}

/** Where a task is translated. */
export const editorUrl = (adminRoute: string, taskId: number | string) => `${adminRoute}/translate/${taskId}`
