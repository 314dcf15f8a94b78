/**
 * An S3-compatible store for tests: moto's S3 server (PyPI `moto[server]`, installed by
 * scripts/ensure-test-packages.sh) on a free loopback port, in memory, with one empty bucket.
 * One per test file; several CMS instances may share it, as they would share a bucket in production.
 *
 *   const s3 = await startS3Server()
 *   Object.assign(process.env, s3.env)   // before the configuration is first imported
 *   …
 *   expect(await s3.listKeys()).toEqual([...])
 *   await s3.stop()
 */
import { CreateBucketCommand, ListBucketsCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3'
import { spawn } from 'node:child_process'

import { freePort } from './serverProcess'

export type S3Server = {
  accessKeyId: string
  bucket: string
  /** A client for the bucket with the server's credentials: to look at objects as the store holds them. */
  client: S3Client
  endpoint: string
  /** The S3_* settings that point the CMS at this bucket (src/lib/env.ts reads them). */
  env: Record<string, string>
  /** Every object key in the bucket, sorted. */
  listKeys(): Promise<string[]>
  secretAccessKey: string
  /** SIGTERM, then SIGKILL if the server is still there after a short wait; resolves once it has exited. */
  stop(): Promise<void>
}

// moto accepts any credentials; fixed ones make the signed requests real without a secret to keep.
const accessKeyId = 'test-access-key'
const secretAccessKey = 'test-secret-key'
const region = 'us-east-1'
const stopGraceMs = 2_000

export async function startS3Server({ bucket = 'jec-media' }: { bucket?: string } = {}): Promise<S3Server> {
  const port = await freePort()
  const endpoint = `http://127.0.0.1:${port}`
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const running = () => child.exitCode === null && child.signalCode === null

  const stop = async () => {
    if (!running()) {
      return
    }
    child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs)
    await exited
    clearTimeout(killer)
  }

  const client = new S3Client({ credentials: { accessKeyId, secretAccessKey }, endpoint, forcePathStyle: true, region })
  // Python takes a second or two to import moto: poll until it lists buckets.
  const deadline = Date.now() + 30_000
  for (;;) {
    if (!running()) {
      throw new Error(`moto_server exited (${child.exitCode ?? child.signalCode}) before it answered on port ${port}:\n${output}`)
    }
    const answered = await client.send(new ListBucketsCommand({})).then(
      () => true,
      () => false,
    )
    if (answered) {
      break
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`moto_server did not answer on port ${port} within 30 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await client.send(new CreateBucketCommand({ Bucket: bucket }))

  return {
    accessKeyId,
    bucket,
    client,
    endpoint,
    env: {
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: region,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
    },
    async listKeys() {
      const keys: string[] = []
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket })) {
        keys.push(...(page.Contents ?? []).flatMap(({ Key }) => (Key ? [Key] : [])))
      }
      return keys.sort()
    },
    secretAccessKey,
    async stop() {
      client.destroy()
      await stop()
    },
  }
}
