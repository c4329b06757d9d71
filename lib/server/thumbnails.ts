import "server-only";
import sharp from "sharp";

/** The long side of a thumbnail, in pixels: sharp enough for a list and the completion PDF's photo strip. */
export const THUMBNAIL_PX = 320;

/**
 * A small JPEG of a photo, re-encoded so it carries no metadata (sharp drops
 * EXIF, GPS included, unless asked to keep it), turned upright by its EXIF
 * orientation. Null where the server cannot decode the content: PDFs, and
 * HEIC (sharp's prebuilt libvips reads AVIF but not HEVC-coded HEIC photos).
 * A picture of over 100 megapixels is not decoded (a decompression bomb in 10 MB).
 */
export async function makeThumbnail(bytes: Uint8Array, mediaType: string): Promise<Buffer | null> {
  if (mediaType !== "image/jpeg" && mediaType !== "image/png") return null;
  try {
    return await sharp(bytes, { limitInputPixels: 100_000_000 })
      .rotate()
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 72 })
      .toBuffer();
  } catch {
    return null;
  }
}
