// Attachments (photos of markers, signed handover forms, sketches): what is
// accepted, how big, and what a photo says about where and when it was taken.
// Pure, so the browser runs the same checks before an upload as the server after.
import exifr from "exifr";
import { fileTypeFromBuffer } from "file-type/core";

import { ACCEPTED_MEDIA_TYPES, type AcceptedMediaType, MAX_FILE_BYTES, MAX_RECORD_BYTES } from "./attachment-limits";

export * from "./attachment-limits";

/** What the file's own bytes are: an accepted type, or what they are instead (null when not recognised). */
export type Sniffed = { accepted: true; mediaType: AcceptedMediaType } | { accepted: false; found: string | null };

/** The first bytes file-type reads; the browser's pre-check reads only these. */
export const SNIFF_BYTES = 4100;

/**
 * The media type read from the content's magic bytes (file-type), never from
 * the name or what the browser says: a page of HTML named photo.jpg is HTML.
 */
export async function sniffMediaType(bytes: Uint8Array): Promise<Sniffed> {
  const found = await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES));
  const mime = found?.mime ?? null;
  return mime && (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(mime)
    ? { accepted: true, mediaType: mime as AcceptedMediaType }
    : { accepted: false, found: mime ?? (looksLikeText(bytes) ? "text" : null) };
}

/** Text (HTML, a script, CSV) has no magic bytes: said as such so the refusal names it. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  return head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
}

export type SizeRefusal =
  | { limit: "file"; sizeBytes: number; maxBytes: number }
  | { limit: "record"; sizeBytes: number; recordBytes: number; maxBytes: number };

/**
 * Whether a file of `sizeBytes` may join a record already holding
 * `recordBytes`: null, or which limit it passes and by how much.
 */
export function sizeRefusal(sizeBytes: number, recordBytes: number): SizeRefusal | null {
  if (sizeBytes > MAX_FILE_BYTES) return { limit: "file", sizeBytes, maxBytes: MAX_FILE_BYTES };
  if (recordBytes + sizeBytes > MAX_RECORD_BYTES)
    return { limit: "record", sizeBytes, recordBytes, maxBytes: MAX_RECORD_BYTES };
  return null;
}

/** Megabytes to one decimal, for messages ("10.4"). */
export const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export type PhotoMetadata = { takenAt: Date | null; position: { lon: number; lat: number } | null };

/** Iraq keeps UTC+3 all year (no daylight saving since 2008): a camera's clock without an offset is read in it. */
const IRAQ_OFFSET = "+03:00";

/**
 * Where and when a photo was taken, from its EXIF: the GPS position (WGS 84
 * degrees) and DateTimeOriginal (with OffsetTimeOriginal where the camera
 * wrote it, else as Iraq time). Files without EXIF, or with a position that
 * is not a place on Earth (0,0 from a camera without a fix), give nulls.
 */
export async function readPhotoMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(bytes, {
      gps: true,
      pick: [
        "DateTimeOriginal",
        "OffsetTimeOriginal",
        "GPSLatitude",
        "GPSLatitudeRef",
        "GPSLongitude",
        "GPSLongitudeRef",
      ],
      reviveValues: false,
    });
  } catch {
    return { takenAt: null, position: null };
  }
  return { takenAt: takenAt(tags), position: position(tags) };
}

function takenAt(tags: Record<string, unknown> | undefined): Date | null {
  const raw = tags?.DateTimeOriginal;
  const m = typeof raw === "string" ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(raw) : null;
  if (!m) return null;
  const offset = typeof tags?.OffsetTimeOriginal === "string" && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal);
  const at = new Date(
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset ? tags!.OffsetTimeOriginal : IRAQ_OFFSET}`,
  );
  return Number.isNaN(at.getTime()) ? null : at;
}

function degrees(value: unknown, ref: unknown, negative: string): number | null {
  const parts = Array.isArray(value) ? value : typeof value === "number" ? [value] : null;
  if (!parts?.every((p) => typeof p === "number" && Number.isFinite(p))) return null;
  const [d = 0, m = 0, s = 0] = parts as number[];
  const abs = d + m / 60 + s / 3600;
  return typeof ref === "string" && ref.trim().toUpperCase() === negative ? -abs : abs;
}

function position(tags: Record<string, unknown> | undefined): PhotoMetadata["position"] {
  if (!tags) return null;
  const lat = degrees(tags.GPSLatitude, tags.GPSLatitudeRef, "S");
  const lon = degrees(tags.GPSLongitude, tags.GPSLongitudeRef, "W");
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  if (lat === 0 && lon === 0) return null;
  return { lon: round7(lon), lat: round7(lat) };
}

/** 7 decimals: about a centimetre, more than any phone's GPS gives. */
const round7 = (n: number) => Math.round(n * 1e7) / 1e7;
