import type React from 'react'

import type { Entry, Path } from './entries'
import type { EditorTask } from './index.client'

/**
 * What the translate editor offers a plugin that helps translators (the `editor` view slot, see
 * `TranslateViewSlots`): its state and the few acts the help needs. The editor knows nothing of
 * the help itself.
 */
export type TranslateEditorApi = {
  /** An API path (under the API route) as a URL. */
  apiUrl: (path: string) => string
  busy: boolean
  /** The translator holds the task in a writable status and nothing is running. */
  canEdit: boolean
  /** Sets the value at the path, as the translator typing it would. */
  change: (path: Path) => (value: string) => void
  entries: readonly Entry[]
  /** The translator holds the task in a writable status. */
  mayEdit: boolean
  /** Runs an act with the editor busy, showing its message or its refusal. */
  run: (action: () => Promise<string>) => Promise<void>
  /** Saves the translation as it is in the inputs. */
  save: () => Promise<void>
  /** Fills several inputs at once. */
  setValues: (values: ReadonlyArray<{ path: Path; value: string }>) => void
  task: EditorTask
  /** The current value at a path of the translation. */
  valueAt: (path: Path) => unknown
}

/** What the help puts into the editor; each part is optional. */
export type TranslateAssist = {
  /** Buttons beside "Save draft". */
  actions?: React.ReactNode
  /** Under one entry's inputs (suggestions, notes). */
  belowInput?: (entry: Entry) => React.ReactNode
  /** The id of a note describing an entry's input (`aria-describedby`). */
  describedByOf?: (entry: Entry) => string | undefined
  /** Above the panes. */
  notice?: React.ReactNode
  /** The translator changed the value at the path. */
  onChange?: (path: Path) => void
  /** An act was refused; `data` is what the refusal's errors carried. */
  onRefusal?: (data: readonly unknown[]) => void
  /** Under the form's buttons. */
  panel?: React.ReactNode
  /** An entry's source text as shown (e.g. with glossary terms marked); the plain text when absent. */
  sourceOf?: (entry: Entry) => React.ReactNode
}

/** A hook the slot passes to `TranslateEditor`; it is called once per render of the editor. */
export type UseTranslateAssist = (editor: TranslateEditorApi) => TranslateAssist
