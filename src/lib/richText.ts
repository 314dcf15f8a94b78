import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

/** Lexical rich text made of plain paragraphs, for seed content and tests. */
export function paragraphs(...texts: string[]): SerializedEditorState {
  return {
    root: {
      type: 'root',
      children: texts.map((text) => ({
        type: 'paragraph',
        children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        version: 1,
      })),
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  } as unknown as SerializedEditorState
}
