import type { Plugin } from 'payload'

import path from 'node:path'

import { hasRole } from '@/access/roles'
import { type Environment, readEnvironment } from '@/lib/env'
import { mediaDirectory } from '@/lib/paths'
import { richTextProblem } from '@/lib/richTextSafety'
import { s3Media } from '@/lib/s3Media'
import { responseCachePlugin } from '@/responseCache'

import { apiClientReadExtensions, deliveryApi, readableByApiClients } from './delivery-api'
import { PHASE_GATE_WEBHOOK_EVENTS, phaseGate } from './phase-gate'
import { print } from './print'
import { publicSearch } from './public-search'
import { richTextSafety } from './rich-text-safety'
import { deeplProvider, libreTranslateProvider, openAiCompatibleProvider, translationInterchange } from './translation-interchange'
import { translationWorkflow } from './translation-workflow'

const env = readEnvironment()

/** The project's roles, as the plugins ask for them (src/access/roles.ts). */
export const isAdmin = (user: Parameters<typeof hasRole>[0]) => hasRole(user, 'admin')
/** Staff are the signed-in users of `users` (API clients and anonymous readers are not). */
export const isStaff = (user: Parameters<typeof hasRole>[0]) => user?.collection === 'users'
export const isEditor = (user: Parameters<typeof hasRole>[0]) => hasRole(user, 'admin') || hasRole(user, 'editor')
export const isTranslatorFor = (user: (NonNullable<Parameters<typeof hasRole>[0]> & { translatorLocales?: unknown }) | null | undefined, locale: string) =>
  hasRole(user, 'translator') && Array.isArray(user?.translatorLocales) && user.translatorLocales.includes(locale)

/** The providers the settings name, each made once, chosen per target locale (MT_PROVIDER, MT_PROVIDER_BY_LOCALE). */
const machineTranslationProviders = ({ deepl, defaultProvider, libreTranslate, openai, providerByLocale, timeoutMs }: Environment['machineTranslation']) => {
  const made = {
    deepl: deepl && deeplProvider({ ...deepl, timeoutMs }),
    libretranslate: libreTranslate && libreTranslateProvider(libreTranslate),
    openai: openai && openAiCompatibleProvider(openai),
  }
  return (locale: string) => {
    const name = locale in providerByLocale ? providerByLocale[locale] : defaultProvider
    return name ? made[name] : null
  }
}

export const plugins: Plugin[] = [
  translationWorkflow({
    access: { isEditor, isTranslatorFor },
    collections: ['phases', 'deliverables', 'training-modules', 'reports', 'partners', 'hotlines'],
  }),
  // Translates what the workflow translates, from its contract.
  translationInterchange({
    access: { isEditor, isStaff, isTranslatorFor },
    machineTranslation: {
      collections: env.machineTranslation.collections,
      // Content that must never leave the CMS, also once a field becomes localized. Every staff-only
      // field is flagged by staffOnly() itself (partners' contacts, trainers' notes…); listed here is
      // what is not staff-only: how a hotline was verified, and internal reports whole (a report is
      // internal unless it says public, as its default is).
      neverSend: {
        documents: (collection, document) => collection === 'reports' && document.visibility !== 'public',
        fields: { hotlines: ['verification'] },
      },
      providers: machineTranslationProviders(env.machineTranslation),
      timeoutMs: env.machineTranslation.timeoutMs,
    },
  }),
  phaseGate({
    access: {
      isAdmin,
      isEditor,
      isStaff,
      isSteeringMember: (user) => hasRole(user, 'steering'),
    },
    deliverables: { collection: 'deliverables', phaseField: 'phase' },
    evidenceUploads: 'media',
    gated: [
      { collection: 'deliverables', phaseField: 'phase' },
      { collection: 'training-modules', phaseField: 'phase' },
      { collection: 'reports', phaseField: 'phase' },
    ],
    phases: { slug: 'phases' },
  }),
  print({
    access: { isEditor, isStaff },
    onlineUrl: ({ slug, locale }) => `${env.publicSiteUrl}/${locale}/deliverables/${encodeURIComponent(slug)}`,
    // A gate decision releases or withdraws its phase's content: it counts as a write to the phase.
    sources: { watch: ['phases', { collection: 'gates', via: 'phase' }] },
    staticDir: path.join(mediaDirectory(), 'print'),
  }),
  // What external sites search: public fields only (the plugin refuses a field with its own read access).
  publicSearch({
    apiClients: { endpoint: readableByApiClients, queryExtensions: apiClientReadExtensions },
    collections: [
      { slug: 'hotlines', body: ['phone', 'alternativeNumbers.number', 'alternativeNumbers.label', 'notes', 'audiences', 'languages', 'country'], title: 'name' },
      { slug: 'deliverables', body: ['description', 'indicators.indicator', 'type', 'audiences'], title: 'title' },
      { slug: 'training-modules', body: ['code', 'learningObjectives.objective', 'content', 'targetAudiences'], title: 'title' },
      { slug: 'reports', body: ['summary', 'type'], title: 'title' },
      { slug: 'partners', body: ['acronym', 'description', 'country', 'sector'], title: 'name' },
    ],
  }),
  // After every plugin that adds an upload collection: with S3 configured, all of them store there.
  s3Media(env.s3),
  // Last, so that its limits and webhooks cover the collections the other plugins add.
  deliveryApi({ access: { isAdmin, isStaff }, webhooks: { events: [...PHASE_GATE_WEBHOOK_EVENTS], retryDelayMs: env.webhookRetryDelayMs } }),
  // Sees every read and write through the database adapter, whichever plugin makes it.
  responseCachePlugin(env),
  // After every plugin that adds collections: bounds every write's data before Payload copies it.
  richTextSafety({ richTextProblem }),
]
