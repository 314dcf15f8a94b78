import type { RelationshipFieldManyValidation } from 'payload'

import { findPrerequisiteCycle } from '@/lib/prerequisiteCycle'

type Id = number | string
const idOf = (value: unknown): Id =>
  typeof value === 'object' && value !== null ? ((value as { id?: Id; value?: Id }).value ?? (value as { id: Id }).id) : (value as Id)

/** Prerequisites must not loop back to the module itself, however long the chain. */
export const validatePrerequisites: RelationshipFieldManyValidation = async (value, { id, req }) => {
  const chosen = (Array.isArray(value) ? value : []).map(idOf)
  if (chosen.length === 0) {
    return true
  }
  if (id !== undefined && chosen.some((prerequisite) => String(prerequisite) === String(id))) {
    return 'A module cannot be its own prerequisite.'
  }
  if (id === undefined) {
    // A new module has no incoming edges yet, so it cannot close a loop.
    return true
  }
  const { docs } = await req.payload.find({
    collection: 'training-modules',
    depth: 0,
    draft: true,
    overrideAccess: true,
    pagination: false,
    req,
    select: { code: true, prerequisites: true },
  })
  const edges = new Map<string, Id[]>(docs.map((doc) => [String(doc.id), (doc.prerequisites ?? []).map(idOf)]))
  edges.set(String(id), chosen)
  const cycle = findPrerequisiteCycle(id, (node) => edges.get(String(node)) ?? [])
  if (!cycle) {
    return true
  }
  const codes = new Map(docs.map((doc) => [String(doc.id), doc.code]))
  return `These prerequisites would make a loop: ${cycle.map((node) => codes.get(String(node)) ?? node).join(' → ')}.`
}
