/*
 * The workflow's admin UI that other plugins may use (translation-interchange's views and its
 * translate-view slot). Import only from here, never from the components' own files.
 */
export { HeadingRow, type Outcome, OutcomeMessage, SelectField } from '../components/parts'
export type { Entry, Path } from '../components/TranslateView/entries'
export { type EditorTask, inputIdOf, TranslateEditor, type TranslateEditorProps } from '../components/TranslateView/index.client'
export type { TranslateAssist, TranslateEditorApi, UseTranslateAssist } from '../components/TranslateView/slot'
