import type { Plugin } from 'payload'

export const plugins: Plugin[] = []
