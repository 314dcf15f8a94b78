/**
 * What the running config exposes, enumerated from it (never listed by hand): every REST route of
 * every collection and global and every root endpoint, and every GraphQL query and mutation, each
 * named by the policy's operation key. test/access-matrix/*.int.spec.ts fail for any of them that
 * has no row in policy.ts.
 */
import type { GraphQLSchema } from 'graphql'
import type { SanitizedConfig } from 'payload'

import { configToSchema } from '@payloadcms/graphql'
import { formatNames, toWords } from 'payload'

import type { Operation } from './policy'

export type EntityKind = 'collection' | 'endpoint' | 'global'

export type Surface = { entity: string; kind: EntityKind; operation: Operation; route: string }

/** Payload's own routes, by `method path` as they appear in a sanitized config. */
const collectionRoutes: Record<string, Operation> = {
  'delete /': 'deleteWhere',
  'delete /:id': 'delete',
  'get /': 'find',
  'get /:id': 'findByID',
  'get /count': 'count',
  'get /file/:filename': 'file',
  'get /init': 'init',
  'get /me': 'me',
  'get /paste-url/:id?': 'pasteUrl',
  'get /versions': 'versions',
  'get /versions/:id': 'versionByID',
  'patch /': 'updateWhere',
  'patch /:id': 'update',
  'post /': 'create',
  'post /:id/duplicate': 'duplicate',
  'post /access/:id?': 'docAccess',
  'post /first-register': 'firstRegister',
  'post /forgot-password': 'forgotPassword',
  'post /login': 'login',
  'post /logout': 'logout',
  'post /refresh-token': 'refreshToken',
  'post /reset-password': 'resetPassword',
  'post /unlock': 'unlock',
  'post /verify/:id': 'verify',
  'post /versions/:id': 'restoreVersion',
}

const globalRoutes: Record<string, Operation> = {
  'get /': 'read',
  'get /versions': 'versions',
  'get /versions/:id': 'versionByID',
  'post /': 'update',
  'post /access': 'docAccess',
  'post /versions/:id': 'restoreVersion',
}

type Endpointish = { method: string; path: string }

const endpointsOf = (endpoints: unknown): Endpointish[] => (Array.isArray(endpoints) ? (endpoints as Endpointish[]) : [])

const customKey = ({ method, path }: Endpointish) => `${method.toUpperCase()} ${path}` as Operation

/** Every REST route of the running config, named by its policy operation. */
export function restSurface(config: SanitizedConfig): Surface[] {
  const surfaces: Surface[] = []
  for (const collection of config.collections) {
    for (const endpoint of endpointsOf(collection.endpoints)) {
      const key = `${endpoint.method} ${endpoint.path}`
      surfaces.push({ entity: collection.slug, kind: 'collection', operation: collectionRoutes[key] ?? customKey(endpoint), route: key })
    }
    // Resized copies go through the same route as the file; they are a cell of their own.
    if (collection.upload && (collection.upload.imageSizes ?? []).length) {
      surfaces.push({ entity: collection.slug, kind: 'collection', operation: 'fileSize', route: 'get /file/:filename (sizes)' })
    }
  }
  for (const global of config.globals) {
    for (const endpoint of endpointsOf(global.endpoints)) {
      const key = `${endpoint.method} ${endpoint.path}`
      surfaces.push({ entity: global.slug, kind: 'global', operation: globalRoutes[key] ?? customKey(endpoint), route: key })
    }
  }
  for (const endpoint of endpointsOf(config.endpoints)) {
    surfaces.push({ entity: 'root', kind: 'endpoint', operation: customKey(endpoint), route: `${endpoint.method} ${endpoint.path}` })
  }
  return surfaces
}

/** GraphQL names Payload gives a collection (initCollections) or a global (initGlobals). */
export function graphqlNames(config: SanitizedConfig) {
  const collections = new Map<string, { plural: string; singular: string }>()
  for (const collection of config.collections) {
    // Unset means the default names; only `false` leaves a collection out of the schema.
    if (collection.graphQL === false) {
      continue
    }
    const fromSlug = formatNames(collection.slug)
    const singular = collection.graphQL?.singularName ? toWords(collection.graphQL.singularName, true) : fromSlug.singular
    let plural = collection.graphQL?.pluralName ? toWords(collection.graphQL.pluralName, true) : fromSlug.plural
    if (singular === plural) {
      plural = `all${singular}`
    }
    collections.set(collection.slug, { plural, singular })
  }
  const globals = new Map<string, string>()
  for (const global of config.globals) {
    if (global.graphQL !== false) {
      globals.set(global.slug, formatNames(global.graphQL && global.graphQL.name ? global.graphQL.name : global.slug).singular)
    }
  }
  return { collections, globals }
}

const queryNames = (singular: string, plural: string): Record<string, Operation> => ({
  [`count${plural}`]: 'count',
  [`docAccess${singular}`]: 'docAccess',
  [`initialized${singular}`]: 'init',
  [`me${singular}`]: 'me',
  [`version${singular}`]: 'versionByID',
  [`versions${plural}`]: 'versions',
  [plural]: 'find',
  [singular]: 'findByID',
})

const mutationNames = (singular: string): Record<string, Operation> => ({
  [`create${singular}`]: 'create',
  [`delete${singular}`]: 'delete',
  [`duplicate${singular}`]: 'duplicate',
  [`forgotPassword${singular}`]: 'forgotPassword',
  [`login${singular}`]: 'login',
  [`logout${singular}`]: 'logout',
  [`refreshToken${singular}`]: 'refreshToken',
  [`resetPassword${singular}`]: 'resetPassword',
  [`restoreVersion${singular}`]: 'restoreVersion',
  [`unlock${singular}`]: 'unlock',
  [`update${singular}`]: 'update',
  [`verifyEmail${singular}`]: 'verify',
})

export type GraphQLSurface = Surface & { field: string; root: 'Mutation' | 'Query' }

/**
 * Every query and mutation of the schema Payload builds from the running config, named by its
 * policy operation. A field no rule explains comes back with operation `unknown …`, so the
 * coverage test names it.
 */
export function graphqlSurface(config: SanitizedConfig): { schema: GraphQLSchema; surfaces: GraphQLSurface[] } {
  const { schema } = configToSchema(config)
  const names = graphqlNames(config)
  const known = new Map<string, Omit<GraphQLSurface, 'field' | 'root' | 'route'>>()
  for (const [slug, { plural, singular }] of names.collections) {
    for (const [field, operation] of Object.entries({ ...queryNames(singular, plural), ...mutationNames(singular) })) {
      known.set(field, { entity: slug, kind: 'collection', operation })
    }
  }
  for (const [slug, name] of names.globals) {
    const ops: Record<string, Operation> = {
      [name]: 'read',
      [`docAccess${name}`]: 'docAccess',
      [`restoreVersion${name}`]: 'restoreVersion',
      [`update${name}`]: 'update',
      [`version${name}`]: 'versionByID',
      [`versions${name}`]: 'versions',
    }
    for (const [field, operation] of Object.entries(ops)) {
      known.set(field, { entity: slug, kind: 'global', operation })
    }
  }
  known.set('Access', { entity: 'root', kind: 'endpoint', operation: 'GET /access' })
  // The hotline finder (collections/Hotlines/graphql/findHotlines.ts) is the REST route's twin.
  known.set('FindHotlines', { entity: 'hotlines', kind: 'collection', operation: 'GET /find' })
  known.set('Search', { entity: 'root', kind: 'endpoint', operation: 'GET /search' })
  // The translation workflow's transitions: `<action><TaskType>`, the same rule as its REST route.
  const tasks = names.collections.get('translation-tasks')
  for (const action of ['approve', 'claim', 'return', 'submit', 'unclaim']) {
    if (tasks) {
      known.set(`${action}${tasks.singular}`, { entity: 'translation-tasks', kind: 'collection', operation: `POST /:id/${action}` })
    }
  }
  const surfaces: GraphQLSurface[] = []
  for (const root of ['Query', 'Mutation'] as const) {
    const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType()
    for (const field of Object.keys(type?.getFields() ?? {})) {
      const match = known.get(field)
      surfaces.push({
        entity: match?.entity ?? 'unknown',
        field,
        kind: match?.kind ?? 'endpoint',
        operation: match?.operation ?? (`POST /graphql ${field}` as Operation),
        root,
        route: `${root}.${field}`,
      })
    }
  }
  return { schema, surfaces }
}
