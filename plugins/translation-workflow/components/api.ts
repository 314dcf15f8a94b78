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
