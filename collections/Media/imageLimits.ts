import type { SharpDependency } from 'payload'

import sharp from 'sharp'

/**
 * Largest image accepted, in pixels: 50 megapixels takes a 48 MP phone photo, while sharp's own
 * default (268 MP) lets a 50 KB "decompression bomb" PNG make each of the four decodes (original
 * plus three sizes) allocate over a gigabyte.
 */
export const maxImagePixels = 50_000_000

/**
 * The sharp Payload uses for every decode (original, resized copies, crops): its pixel limit is ours,
 * whatever options Payload passes, so no code path decodes a bigger image than the upload hook let in.
 */
export const boundedSharp: SharpDependency = (input, options) =>
  sharp(input as never, { ...options, limitInputPixels: maxImagePixels })

/** Width and height from the image header only (nothing is decoded), or undefined if unreadable. */
export async function readImageDimensions(input: Buffer | string): Promise<{ height: number; width: number } | undefined> {
  try {
    const { height, width } = await sharp(input, { limitInputPixels: false }).metadata()
    return width && height ? { height, width } : undefined
  } catch {
    return undefined
  }
}
