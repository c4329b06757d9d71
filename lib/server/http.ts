import "server-only";
import { NextResponse } from "next/server";
import { fromAnotherSite } from "@/lib/domain/same-origin";
import { type Locale, languageOfRequest } from "@/lib/i18n/locales";
import type { LocalisedText } from "@/lib/i18n/localised";
import { refusal } from "@/lib/i18n/refusals";
import { roleWord } from "@/lib/i18n/words";
import { bearerToken } from "./api-tokens";
import { apiCaller, type SessionUser } from "./auth";
import { CommandError, type CommandErrorCode, fieldIssue, geometryRefusal, inLanguage } from "./command-error";
import { databaseTrouble, troubleLogLine } from "./database-trouble";
import { getDb } from "./db";
import { serverEnv } from "./env";
import { can, type Permission } from "./permissions";
import type { Db } from "./prisma";

export type ApiErrorCode = "unauthenticated" | CommandErrorCode | "internal" | "unavailable";

const STATUS: Record<ApiErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid_request: 400,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  unavailable: 503,
};

/** An error answer: `message` (and the details' messages) in the reader's language. */
export function apiError(code: ApiErrorCode, message: string, details?: unknown) {
  return NextResponse.json(
    { error: { code, message, ...(details === undefined ? {} : { details }) } },
    { status: STATUS[code], headers: code === "unavailable" ? { "retry-after": "30" } : undefined },
  );
}

type Params = Record<string, string>;
type Handler<P extends Params> = (ctx: { req: Request; user: SessionUser; db: Db; params: P }) => Promise<Response>;

/**
 * Wraps every route handler: the caller must be signed in and hold the
 * permission; a use case's refusal becomes its 4xx, a database that is down
 * or full a 503 that says so, anything else a 500 that says nothing was
 * changed (every write is one transaction).
 */
export function withPermission<P extends Params = Params>(permission: Permission, handler: Handler<P>) {
  return async (req: Request, context?: { params: Promise<P> }): Promise<Response> => {
    try {
      // A token is checked against the database, so the caller's lookup is inside: a database that is down is a 503 here too.
      const user = await apiCaller(req);
      if (!user) return apiError("unauthenticated", refusal("signInOrToken")[language(req)]);
      if (!can(user, permission))
        return apiError("forbidden", refusal("roleMayNot", { role: roleWord(user.role), permission })[language(req)]);
      if (forgeable(req)) return apiError("forbidden", refusal("crossSiteRequest")[language(req)]);
      const params = ((await context?.params) ?? {}) as P;
      return await handler({ req, user, db: await getDb(), params });
    } catch (err) {
      if (err instanceof CommandError) return refusalResponse(err, req);
      const trouble = databaseTrouble(err);
      console.error(trouble ? troubleLogLine(req.url, trouble, err) : err);
      if (trouble)
        return apiError(
          "unavailable",
          refusal(trouble === "full" ? "databaseFull" : "databaseUnreachable")[language(req)],
        );
      return apiError("internal", refusal("serverFailed")[language(req)]);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write that another site's page could have made the browser send: signed
 * in by the session cookie (which the browser adds whoever asks), not by a
 * token (which only its holder has), and from another site by the browser's word.
 */
function forgeable(req: Request): boolean {
  if (SAFE_METHODS.has(req.method) || bearerToken(req.headers.get("authorization"))) return false;
  const h = req.headers;
  // Neither header: not sent by a browser's page, so not forged by one (and no need to read the configuration).
  if (!h.has("sec-fetch-site") && !h.has("origin")) return false;
  return fromAnotherSite(
    { secFetchSite: h.get("sec-fetch-site"), origin: h.get("origin"), host: h.get("host") },
    serverEnv().nextAuthUrl,
  );
}

/** The body's media type, without parameters (charset, boundary), lower-case. */
function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The reader's language: their choice in the language cookie, else their browser's. */
export function language(req: Request): Locale {
  return languageOfRequest(req.headers.get("cookie"), req.headers.get("accept-language"));
}

/** A use case's refusal as its 4xx, in the reader's language. */
export function refusalResponse(err: CommandError, req: Request): Response {
  const lang = language(req);
  return apiError(err.code, err.text[lang], inLanguage(err.details, lang));
}

/**
 * The largest body any route reads: a 20 MB field file (lib/geo/read's
 * limit) with its form fields, or a JSON geometry of 100,000 points.
 */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

/**
 * The body's bytes, refused with 413 before reading when Content-Length is
 * over the limit, and as soon as a body without one (chunked) passes it, so
 * an oversized upload never sits whole in memory.
 */
export async function boundedBody(req: Request, max = MAX_BODY_BYTES): Promise<Uint8Array> {
  const tooLarge = () => new CommandError("too_large", refusal("bodyTooLarge", { megabytes: max / 1024 / 1024 }));
  if (Number(req.headers.get("content-length") ?? 0) > max) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** The request's JSON body, or a 400 that says the body is not JSON or not sent as JSON (413 over MAX_BODY_BYTES). */
export async function jsonBody(req: Request): Promise<unknown> {
  // Only JSON is read as JSON: a cross-site HTML form can send text/plain that happens to parse.
  if (mediaType(req) !== "application/json") throw new CommandError("invalid_request", refusal("contentTypeJson"));
  const bytes = await boundedBody(req);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new CommandError("invalid_request", refusal("bodyNotJson"));
  }
}

/**
 * A body carrying a geometry: JSON with `geometry`, or multipart/form-data
 * with the field GPS file as `file` (GeoJSON, KML, GPX, zipped shapefile or
 * CSV), the other fields as JSON in `data`, and optionally `utmZone` (37 or
 * 38) for projected coordinates without a .prj. The file is read by the same
 * lib/geo code the browser ran; a file it cannot read is a 422 that says why.
 */
export async function bodyWithGeometry(req: Request): Promise<unknown> {
  return (await geometryUpload(req)).body;
}

/**
 * What reading an uploaded file tells the caller besides the geometry: the
 * coordinate system it was read in and the reader's notes (the datum shift
 * applied and its accuracy, closed tracks, ignored points).
 */
export type FileRead = { sourceCrs: string; notes: LocalisedText[] };

/** bodyWithGeometry, with what reading the file said (none for a JSON body), for the answer to show. */
export async function geometryUpload(req: Request): Promise<{ body: unknown; read?: FileRead }> {
  const type = mediaType(req);
  if (type === "application/json") return { body: await jsonBody(req) };
  if (type !== "multipart/form-data") throw new CommandError("invalid_request", refusal("contentTypeJsonOrForm"));
  const { form, file } = await formWithFile(req);
  let data: unknown = {};
  const raw = form.get("data");
  if (typeof raw === "string" && raw.trim()) {
    try {
      data = JSON.parse(raw);
    } catch {
      throw new CommandError("invalid_request", refusal("dataNotJson"), [fieldIssue(["data"], "notJson")]);
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new CommandError("invalid_request", refusal("dataNotObject"), [fieldIssue(["data"], "notAnObject")]);
  const zone = form.get("utmZone");
  if (zone !== null && zone !== "37" && zone !== "38")
    throw new CommandError("invalid_request", refusal("utmZone"), [fieldIssue(["utmZone"], "useZone37or38")]);
  const { runGeometry } = await import("./geometry-pool");
  const { GeometryError } = await import("@/lib/geo/errors");
  try {
    // Read in a worker with the checks' budget: a zip of many shapes, or a malformed one, costs that worker's time only.
    const read = await runGeometry(
      "readGeometryFile",
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      zone ? { utmZone: Number(zone) as 37 | 38 } : {},
    );
    return { body: { ...data, geometry: read.collection }, read: { sourceCrs: read.sourceCrs, notes: read.notes } };
  } catch (err) {
    if (err instanceof GeometryError) throw geometryRefusal(err);
    throw err;
  }
}

/** A multipart/form-data body with its `file`, read within `max` bytes; a 400 that says what is wrong otherwise. */
export async function formWithFile(req: Request, max = MAX_BODY_BYTES): Promise<{ form: FormData; file: File }> {
  if (mediaType(req) !== "multipart/form-data") throw new CommandError("invalid_request", refusal("contentTypeForm"));
  const bytes = await boundedBody(req, max);
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, {
      headers: { "content-type": req.headers.get("content-type")! },
    }).formData();
  } catch {
    throw new CommandError("invalid_request", refusal("multipartUnreadable"));
  }
  const file = form.get("file");
  if (!(file instanceof File))
    throw new CommandError("invalid_request", refusal("attachFile"), [fieldIssue(["file"], "required")]);
  return { form, file };
}

/** A list's `?page=` (from 1, default 1); anything else is refused with what was sent. */
export function pageParam(req: Request): number {
  const raw = new URL(req.url).searchParams.get("page") ?? "1";
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1)
    throw new CommandError("invalid_request", refusal("pageNumber", { got: raw }));
  return page;
}
