import type { CollectionBeforeOperationHook, Plugin, UploadCollectionSlug } from 'payload'

import { cloudStoragePlugin } from '@payloadcms/plugin-cloud-storage'
import { initClientUploads } from '@payloadcms/plugin-cloud-storage/utilities'

import type { Environment } from './env'

/**
 * Right after storing the files, the storage plugin saves the document again with what storage-s3
 * hands back as the upload's metadata: the whole document, including the `url` Payload computed.
 * Media's upload check refuses any write that carries a url without a file (no uploads from a URL),
 * so that second write would fail every upload. Its url is Payload's own, recomputed on every read:
 * it is left out of that write only, which the plugin marks with its `skipCloudStorage` context.
 */
const leaveComputedUrlOutOfStorageWrite: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update' && req.context?.skipCloudStorage && args.data) {
    delete (args.data as { url?: unknown }).url
  }
  return args
}

/**
 * Stores every upload collection's files (originals and resized images) in the S3-compatible
 * bucket, when one is configured; without one files stay on disk.
 *
 * The collections are read from the config the plugin is given, not listed here, so an upload
 * collection added later (by a plugin, like the print files) cannot end up on one instance's disk.
 *
 * Files are still served by `/api/<collection>/file/<filename>`: Payload checks read access first
 * (staff-only files stay staff-only, with the same 404), then storage-s3 streams the object and
 * applies the collection's `modifyResponseHeaders`. Objects get no ACL, so the bucket's private
 * default holds and no URL into the bucket is ever handed out.
 *
 * Each collection's objects live under its slug (`media/…`, `print-files/…`): two collections may
 * hold the same filename. Composite prefixes keep that folder out of the documents (their `prefix`
 * stays empty), so file URLs are exactly the ones the disk gives.
 */
const clientHandler = '@payloadcms/storage-s3/client#S3ClientUploadHandler'

export function s3Media(settings: Environment['s3']): Plugin {
  return async (config) => {
    const uploadCollections = (config.collections ?? []).filter((collection) => collection.upload)
    const prefixes = Object.fromEntries(uploadCollections.map(({ slug }) => [slug as UploadCollectionSlug, { prefix: slug }]))
    if (!settings) {
      // With S3 off, what storage-s3 does when disabled (its fields and its admin entry only, so
      // that the schema, the migrations and the import map are the same in both modes), without
      // loading the AWS SDK it imports: 29 MB of heap and 0.8 s in every process, test files included.
      const collections = Object.fromEntries(Object.entries(prefixes).map(([slug, options]) => [slug, { ...options, adapter: null }]))
      initClientUploads({
        clientHandler,
        collections,
        config,
        enabled: false,
        serverHandler: () => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 }),
        serverHandlerPath: '/storage-s3-generate-signed-url',
      })
      return cloudStoragePlugin({ alwaysInsertFields: true, collections, enabled: false, useCompositePrefixes: true })(config)
    }
    const { s3Storage } = await import('@payloadcms/storage-s3')
    const stored = await s3Storage({
      alwaysInsertFields: true,
      bucket: settings.bucket,
      collections: prefixes,
      config: {
        credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        region: settings.region,
      },
      useCompositePrefixes: true,
    })(config)
    const slugs = new Set(uploadCollections.map(({ slug }) => slug))
    return {
      ...stored,
      collections: stored.collections?.map((collection) =>
        slugs.has(collection.slug)
          ? {
              ...collection,
              hooks: { ...collection.hooks, beforeOperation: [leaveComputedUrlOutOfStorageWrite, ...(collection.hooks?.beforeOperation ?? [])] },
            }
          : collection,
      ),
    }
  }
}
