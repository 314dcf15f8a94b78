import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { TranslationStatusPanel as TranslationStatusPanel_00c18fbe03f9f35765ea91e02d8aaa6f } from '../../../../plugins/translation-workflow/components/StatusPanel'
import { GatePanel as GatePanel_9f43ddedda0dcf828fece171c0497b13 } from '../../../../plugins/phase-gate/components/GatePanel'
import { PrintPanel as PrintPanel_6e48e6ee9e9d4c46948a6a4e2ab7d6a4 } from '../../../../plugins/print/components/PrintPanel'
import { VerificationStatusCell as VerificationStatusCell_9e91621663ad6f29ff63ba8482b10b86 } from '@/components/VerificationStatusCell'
import { TranslationQueueNavLink as TranslationQueueNavLink_4154b14a46de88bc179ce7a263c23962 } from '../../../../plugins/translation-workflow/components/QueueView/NavLink'
import { XliffNavLink as XliffNavLink_c1e3719df9833095ff0e0dc4aefb159a } from '../../../../plugins/translation-interchange/components/XliffView/NavLink'
import { SteeringNavLink as SteeringNavLink_cadc7a1947eb55fdd816dc499631e3b2 } from '../../../../plugins/phase-gate/components/SteeringView/NavLink'
import { TranslationProgressChart as TranslationProgressChart_958fb796015a32c7e94f31edd6b349bb } from '../../../../plugins/translation-workflow/components/ProgressChart'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { TranslateView as TranslateView_4eb26e0158163ac89d0a6b124a7ce9ea } from '../../../../plugins/translation-workflow/components/TranslateView'
import { QueueView as QueueView_72432bab6bf56247a5c6abfc5ed4024f } from '../../../../plugins/translation-workflow/components/QueueView'
import { XliffView as XliffView_84c6751cee689e013d15bff1a637767e } from '../../../../plugins/translation-interchange/components/XliffView'
import { SteeringView as SteeringView_d4f5bd21425b67a8049655f5b8e1c39e } from '../../../../plugins/phase-gate/components/SteeringView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'
import { AssistedTranslateEditor as AssistedTranslateEditor_c006e79bcbf64d96d7026ade12a3317b } from '../../../../plugins/translation-interchange/components/TranslateAssist/index.client'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/plugins/translation-workflow/components/StatusPanel#TranslationStatusPanel": TranslationStatusPanel_00c18fbe03f9f35765ea91e02d8aaa6f,
  "/plugins/phase-gate/components/GatePanel#GatePanel": GatePanel_9f43ddedda0dcf828fece171c0497b13,
  "/plugins/print/components/PrintPanel#PrintPanel": PrintPanel_6e48e6ee9e9d4c46948a6a4e2ab7d6a4,
  "@/components/VerificationStatusCell#VerificationStatusCell": VerificationStatusCell_9e91621663ad6f29ff63ba8482b10b86,
  "/plugins/translation-workflow/components/QueueView/NavLink#TranslationQueueNavLink": TranslationQueueNavLink_4154b14a46de88bc179ce7a263c23962,
  "/plugins/translation-interchange/components/XliffView/NavLink#XliffNavLink": XliffNavLink_c1e3719df9833095ff0e0dc4aefb159a,
  "/plugins/phase-gate/components/SteeringView/NavLink#SteeringNavLink": SteeringNavLink_cadc7a1947eb55fdd816dc499631e3b2,
  "/plugins/translation-workflow/components/ProgressChart#TranslationProgressChart": TranslationProgressChart_958fb796015a32c7e94f31edd6b349bb,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/plugins/translation-workflow/components/TranslateView#TranslateView": TranslateView_4eb26e0158163ac89d0a6b124a7ce9ea,
  "/plugins/translation-workflow/components/QueueView#QueueView": QueueView_72432bab6bf56247a5c6abfc5ed4024f,
  "/plugins/translation-interchange/components/XliffView#XliffView": XliffView_84c6751cee689e013d15bff1a637767e,
  "/plugins/phase-gate/components/SteeringView#SteeringView": SteeringView_d4f5bd21425b67a8049655f5b8e1c39e,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1,
  "/plugins/translation-interchange/components/TranslateAssist/index.client#AssistedTranslateEditor": AssistedTranslateEditor_c006e79bcbf64d96d7026ade12a3317b
}
