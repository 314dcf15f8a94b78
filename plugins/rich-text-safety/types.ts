export type RichTextSafetyOptions = {
  /**
   * Nesting deeper than this is refused in any write's data, rich text or not.
   * @default 100: deeper than any document of this CMS (rich text's 32 levels of nodes are 66
   * levels of JSON, a node, its `children` list, the next node…, inside a few levels of fields
   * and a locale key)
   */
  maxDataDepth?: number
  /**
   * The project's rule for one Lexical editor state: the reason it is refused (an unsafe link, too
   * many nodes), or null. Required: the same rule the rich-text field's own hook applies once
   * Payload has parsed the value, kept in one place by the project.
   */
  richTextProblem: (value: Record<string, unknown>) => null | string
}

/** The options with every default filled in; what the plugin's parts read. */
export type ResolvedRichTextSafetyOptions = Required<RichTextSafetyOptions>
