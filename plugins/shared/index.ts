/**
 * The project plugins' common kit: Payload request mechanics every plugin needs the same way. It
 * imports nothing but Payload, and no plugin's code; any plugin may import it (docs/architecture.md).
 */
export { inertFileHeaders } from './utilities/inertFileHeaders'
export { inTransaction } from './utilities/inTransaction'
export { localeCodesOf } from './utilities/localeCodesOf'
export { preservingLocale } from './utilities/preservingLocale'
export type { Relation } from './utilities/relationId'
export { relationId } from './utilities/relationId'
export { isRichText, richTextToText } from './utilities/richText'
export { withAdminComponents } from './utilities/withAdminComponents'
export { wordsOf } from './utilities/words'
export type { WriteOperationArgs } from './types'
