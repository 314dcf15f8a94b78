import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isAdminOrSelfField } from '@/access/isAdminOrSelfField'
import { isStaff, isStaffUser } from '@/access/isStaff'
import { hasRole, roleLabels, roles } from '@/access/roles'
import { readEnvironment } from '@/lib/env'
import { defaultLocale, locales } from '@/lib/locales'
import { createLoginThrottle } from '@/lib/loginThrottle'
import { limiterFactory } from '@/lib/rateLimiters'

import { colleaguesQueryNameOnlyBeforeOperation, colleaguesSeeNameOnlyAfterRead } from './hooks/colleaguesSeeNameOnly'
import { enforcePasswordPolicyBeforeOperation } from './hooks/enforcePasswordPolicyBeforeOperation'
import { makeFirstUserAdminBeforeChange } from './hooks/makeFirstUserAdmin'
import { refuseGrantUnlessAdminBeforeValidate } from './hooks/refuseGrantUnlessAdmin'
import { throttleLoginHooks } from './hooks/throttleLogin'

const env = readEnvironment()

const throttleLogin = throttleLoginHooks(
  createLoginThrottle({
    createLimiter: limiterFactory(env.redisUrl),
    maxFailuresPerAccount: env.loginMaxFailuresPerAccount,
    maxFailuresPerClient: env.loginMaxFailuresPerClient,
    maxFailuresPerClientAndAccount: env.loginMaxFailures,
  }),
)

/**
 * Field access on the required fields also makes them nullable in GraphQL, where the name-only
 * view of a colleague (hooks/colleaguesSeeNameOnly.ts) would otherwise be an error.
 */
const ownerOrAdminRead = { read: isAdminOrSelfField }

export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    admin: ({ req: { user } }) => isStaffUser(user),
    create: isAdmin,
    delete: isAdmin,
    // Every member of staff may list colleagues (to assign a task, to see who verified a number),
    // but sees only their names (hooks/colleaguesSeeNameOnly.ts).
    read: isStaff,
    // Stock Payload lets any signed-in user unlock any account (GHSA-jg8r-5jh2-v2xj).
    unlock: isAdmin,
    update: isAdminOrSelf,
  },
  admin: {
    defaultColumns: ['name', 'email', 'roles'],
    useAsTitle: 'name',
  },
  auth: {
    cookies: {
      sameSite: 'Lax',
      secure: env.secureCookies,
    },
    // Payload's lockout locks the account itself, so anyone knowing an e-mail could lock its owner
    // out; logins are throttled per client instead (hooks/throttleLogin.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
  },
  // The one sort every member of staff may use on colleagues (see colleaguesQueryNameOnly).
  defaultSort: 'name',
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
    },
    {
      // Merged into Payload's own email field (unique, validated, lower-cased); only access added.
      name: 'email',
      type: 'email',
      access: ownerOrAdminRead,
      required: true,
    },
    {
      name: 'roles',
      type: 'select',
      // Only admins grant powers; a user can never raise their own role through any API.
      access: { ...ownerOrAdminRead, create: isAdminField, update: isAdminField },
      defaultValue: ['editor'],
      hasMany: true,
      hooks: { beforeValidate: [refuseGrantUnlessAdminBeforeValidate] },
      options: roles.map((role) => ({ label: roleLabels[role], value: role })),
      required: true,
      saveToJWT: true,
    },
    {
      name: 'translatorLocales',
      type: 'select',
      access: { ...ownerOrAdminRead, create: isAdminField, update: isAdminField },
      admin: {
        condition: (data) => Array.isArray(data?.roles) && data.roles.includes('translator'),
        description: 'The languages this person translates into and reviews.',
      },
      hasMany: true,
      hooks: { beforeValidate: [refuseGrantUnlessAdminBeforeValidate] },
      label: 'Translates into',
      options: locales
        .filter(({ code }) => code !== defaultLocale)
        .map(({ code, label }) => ({ label, value: code })),
      saveToJWT: true,
      validate: (value: null | string[] | undefined, { siblingData }: { siblingData: { roles?: string[] } }) => {
        if (hasRole({ collection: 'users', roles: siblingData.roles }, 'translator') && !value?.length) {
          return 'A translator needs at least one language to translate into.'
        }
        return true
      },
    },
  ],
  hooks: {
    afterLogin: [throttleLogin.afterLogin],
    afterRead: [colleaguesSeeNameOnlyAfterRead],
    beforeChange: [makeFirstUserAdminBeforeChange],
    beforeOperation: [enforcePasswordPolicyBeforeOperation, throttleLogin.beforeOperation, colleaguesQueryNameOnlyBeforeOperation],
  },
}
