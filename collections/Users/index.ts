import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isStaff, isStaffUser } from '@/access/isStaff'
import { hasRole, roleLabels, roles } from '@/access/roles'
import { readEnvironment } from '@/lib/env'
import { defaultLocale, locales } from '@/lib/locales'

import { makeFirstUserAdminBeforeChange } from './hooks/makeFirstUserAdmin'
import { refuseGrantUnlessAdminBeforeValidate } from './hooks/refuseGrantUnlessAdmin'


export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    admin: ({ req: { user } }) => isStaffUser(user),
    create: isAdmin,
    delete: isAdmin,
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
      secure: readEnvironment().secureCookies,
    },
    lockTime: 10 * 60 * 1000,
    maxLoginAttempts: 5,
    tokenExpiration: 8 * 60 * 60,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
    },
    {
      name: 'roles',
      type: 'select',
      // Only admins grant powers; a user can never raise their own role through any API.
      access: { create: isAdminField, update: isAdminField },
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
      access: { create: isAdminField, update: isAdminField },
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
    beforeChange: [makeFirstUserAdminBeforeChange],
  },
}
