import type { PayloadRequest, TypedLocale } from 'payload'

import { performance } from 'node:perf_hooks'

import type { EditionStatus } from '../constants'
import type { ResolvedPrintOptions } from '../types'
import type { EditionPlan } from './printInput'

import { inTransaction, relationId } from '../../shared'
import { renderPreview, renderPrint } from '../render'
import { printVersion } from './fingerprint'
import { planEdition } from './printInput'

type Id = number | string

export type Edition = {
  generation?: null | number
  id: Id
  locale: string
  pdf?: unknown
  preview?: unknown
  problem?: null | string
  status: EditionStatus
  version?: null | string
}

export type RefreshOutcome = {
  confirmed: number
  failed: number
  rendered: number
  superseded: number
  withdrawn: number
}

const mm = (points: number) => Math.round((points / 72) * 25.4 * 10) / 10

async function editionsOf(req: PayloadRequest, options: ResolvedPrintOptions, deliverable: Id): Promise<Edition[]> {
  const { docs } = await req.payload.find({
    collection: options.slugs.editions,
    depth: 0,
    limit: options.locales.length,
    overrideAccess: true,
    req,
    where: { deliverable: { equals: deliverable } },
  })
  return docs as unknown as Edition[]
}

async function removeFiles(req: PayloadRequest, options: ResolvedPrintOptions, ids: unknown[]) {
  const existing = ids.map(relationId).filter((id): id is Id => id !== null)
  if (existing.length) {
    await req.payload.delete({
      collection: options.slugs.files,
      overrideAccess: true,
      req,
      where: { id: { in: existing } },
    })
  }
}

/**
 * Writes the worker's result, but only over the edition it started from: a write that made the
 * edition stale meanwhile raised its generation and queued another run, which will see the newer
 * content. Returns whether the result was kept.
 */
async function writeIfUnchanged(req: PayloadRequest, options: ResolvedPrintOptions, edition: Edition, data: Record<string, unknown>) {
  const { docs } = await req.payload.update({
    collection: options.slugs.editions,
    data: data as never,
    depth: 0,
    overrideAccess: true,
    req,
    where: {
      and: [{ id: { equals: edition.id } }, { generation: { equals: edition.generation ?? 0 } }],
    },
  })
  return docs.length > 0
}

const reportOf = (plan: EditionPlan) => ({
  dependsOn: plan.dependsOn,
  leftOut: plan.leftOut,
  validUntil: plan.validUntil,
})

async function withdraw(req: PayloadRequest, options: ResolvedPrintOptions, edition: Edition) {
  await inTransaction(req, async () => {
    await req.payload.delete({
      id: edition.id,
      collection: options.slugs.editions,
      overrideAccess: true,
      req,
    })
    await removeFiles(req, options, [edition.pdf, edition.preview])
  })
}

/** Removes every edition of a deliverable and its files. */
export async function withdrawAll(req: PayloadRequest, options: ResolvedPrintOptions, deliverable: Id) {
  for (const edition of await editionsOf(req, options, deliverable)) {
    await withdraw(req, options, edition)
  }
}

/** Files are written outside any transaction: a render that lost its race removes its own. */
async function storeFile(
  req: PayloadRequest,
  options: ResolvedPrintOptions,
  edition: Id,
  kind: 'pdf' | 'preview',
  data: Buffer,
  name: string,
  validUntil: null | string,
) {
  const mimetype = kind === 'pdf' ? 'application/pdf' : 'image/png'
  const file = await req.payload.create({
    collection: options.slugs.files,
    data: { edition, kind, offered: true, validUntil } as never,
    file: { name, data, mimetype, size: data.length },
    overrideAccess: true,
    req,
  })
  return file.id
}

async function renderEdition(
  req: PayloadRequest,
  options: ResolvedPrintOptions,
  edition: Edition,
  plan: EditionPlan,
  version: string,
  deliverable: Id,
) {
  const started = performance.now()
  const input = {
    ...plan.input,
    stamp: {
      ...plan.input.stamp,
      generatedAt: new Date().toISOString(),
      version,
    },
  }
  let rendered: Awaited<ReturnType<typeof renderPrint>>
  let preview: Buffer
  try {
    rendered = await renderPrint(input, { maxPages: options.maxPages })
    preview = await renderPreview(rendered.pdf, {
      widthPx: options.previewWidthPx,
    })
  } catch (error) {
    const kept = await writeIfUnchanged(req, options, edition, {
      ...reportOf(plan),
      offered: false,
      pdf: null,
      preview: null,
      problem: error instanceof Error ? error.message : String(error),
      status: 'failed',
      version,
    })
    if (kept) {
      await removeFiles(req, options, [edition.pdf, edition.preview])
    }
    return kept ? ('failed' as const) : ('superseded' as const)
  }
  const baseName = `${plan.input.template}-${deliverable}-${edition.locale}-${version}`
  const pdf = await storeFile(req, options, edition.id, 'pdf', rendered.pdf, `${baseName}.pdf`, plan.validUntil)
  const previewFile = await storeFile(req, options, edition.id, 'preview', preview, `${baseName}.png`, plan.validUntil)
  const kept = await inTransaction(req, async () => {
    const written = await writeIfUnchanged(req, options, edition, {
      ...reportOf(plan),
      generatedAt: input.stamp.generatedAt,
      heightMm: mm(rendered.size.height),
      offered: true,
      pages: rendered.pages,
      pdf,
      preview: previewFile,
      problem: null,
      renderMs: Math.round(performance.now() - started),
      status: 'current',
      version,
      widthMm: mm(rendered.size.width),
    })
    await removeFiles(req, options, written ? [edition.pdf, edition.preview] : [pdf, previewFile])
    return written
  })
  return kept ? ('rendered' as const) : ('superseded' as const)
}

/**
 * Brings every locale's edition of one deliverable up to what the public reads now: a new or
 * changed print is rendered, an unchanged one is confirmed without rendering, and one with nothing
 * left to print (unpublished, withdrawn by its gate, no longer a print type, no longer translated)
 * is removed with its files.
 */
export async function refreshPrints(
  req: PayloadRequest,
  options: ResolvedPrintOptions,
  deliverable: Id,
): Promise<{ nextExpiry: null | string } & RefreshOutcome> {
  const outcome: RefreshOutcome = {
    confirmed: 0,
    failed: 0,
    rendered: 0,
    superseded: 0,
    withdrawn: 0,
  }
  let nextExpiry: null | string = null
  const expiresAt = (plan: EditionPlan) => {
    if (plan.validUntil && (!nextExpiry || plan.validUntil < nextExpiry)) {
      nextExpiry = plan.validUntil
    }
  }
  const stored = (await req.payload.findByID({
    id: deliverable,
    collection: options.sources.deliverables,
    depth: 0,
    disableErrors: true,
    locale: options.sourceLocale as TypedLocale,
    overrideAccess: true,
    req,
  })) as null | { id: Id; type?: unknown }
  const template = stored ? options.sources.templates[String(stored.type)] : undefined
  // The job's input is text; relationships want the id in the database's own type.
  const id = stored?.id ?? deliverable
  const editions = await editionsOf(req, options, id)
  for (const locale of options.locales) {
    const existing = editions.find((edition) => edition.locale === locale)
    const plan = template ? await planEdition(req, options, { id, locale, template }) : null
    if (!plan) {
      if (existing) {
        await withdraw(req, options, existing)
        outcome.withdrawn += 1
      }
      continue
    }
    expiresAt(plan)
    const version = printVersion(plan.input)
    const edition =
      existing ??
      ((await req.payload.create({
        collection: options.slugs.editions,
        data: {
          deliverable: id,
          locale,
          status: 'stale',
          template: plan.input.template,
          version: null,
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })) as unknown as Edition)
    if (existing && existing.version === version) {
      // The printed content is the same: the edition stands (or stays failed) with the latest report.
      const status: EditionStatus = existing.problem ? 'failed' : 'current'
      const kept = await writeIfUnchanged(req, options, existing, {
        ...reportOf(plan),
        offered: status === 'current',
        status,
      })
      await setFilesOffered(req, options, existing, kept && status === 'current', plan.validUntil)
      outcome[kept ? 'confirmed' : 'superseded'] += 1
      continue
    }
    outcome[await renderEdition(req, options, edition, plan, version, id)] += 1
  }
  return { ...outcome, nextExpiry }
}

async function setFilesOffered(req: PayloadRequest, options: ResolvedPrintOptions, edition: Edition, offered: boolean, validUntil: null | string) {
  const ids = [edition.pdf, edition.preview].map(relationId).filter((id): id is Id => id !== null)
  if (ids.length) {
    await req.payload.update({
      collection: options.slugs.files,
      data: { offered, validUntil } as never,
      overrideAccess: true,
      req,
      where: { id: { in: ids } },
    })
  }
}
