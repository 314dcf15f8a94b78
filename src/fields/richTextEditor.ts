import type { LexicalRichTextAdapter } from '@payloadcms/richtext-lexical'
import type { TextFieldSingleValidation } from 'payload'

import { lexicalEditor, LinkFeature } from '@payloadcms/richtext-lexical'
import { ValidationError } from 'payload'

import { isSafeHref, richTextProblem, UNSAFE_LINK_MESSAGE } from '@/lib/richTextSafety'

/**
 * Refuses an unsafe rich text value before anything else reads it. An editor hook, not a field
 * `validate`: Payload skips validation for drafts (every translator's save and every XLIFF import)
 * and Lexical's field validation only runs the features' own checks. It comes first among the
 * editor's hooks so that Lexical's recursive walks never see a tree deeper than the limits.
 */
type BeforeValidateHook = NonNullable<NonNullable<LexicalRichTextAdapter['hooks']>['beforeValidate']>[number]

const refuseUnsafeRichText: BeforeValidateHook = ({ collection, global, path, req, value }) => {
  const problem = richTextProblem(value)
  if (problem) {
    throw new ValidationError({ collection: collection?.slug, errors: [{ message: problem, path: path.join('.') }], global: global?.slug }, req.t)
  }
  return value
}

/** The link drawer says at once what the server would refuse on save. */
const validateLinkUrl: TextFieldSingleValidation = (value, { siblingData }) =>
  (siblingData as { linkType?: string }).linkType === 'internal' || (typeof value === 'string' && isSafeHref(value))
    ? true
    : UNSAFE_LINK_MESSAGE

/** Payload's Lexical editor with links restricted to safe targets on every path that writes rich text. */
export const richTextEditor = (): ReturnType<typeof lexicalEditor> => {
  const provider = lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter((feature) => feature.key !== 'link'),
      LinkFeature({
        fields: ({ defaultFields }) =>
          defaultFields.map((field) => (field.name === 'url' && field.type === 'text' ? ({ ...field, validate: validateLinkUrl } as typeof field) : field)),
      }),
    ],
  })
  return async (args) => {
    const adapter = await provider(args)
    return {
      ...adapter,
      hooks: { ...adapter.hooks, beforeValidate: [refuseUnsafeRichText, ...(adapter.hooks?.beforeValidate ?? [])] },
    }
  }
}
