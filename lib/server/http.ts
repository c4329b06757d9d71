import "server-only";
import { NextResponse } from "next/server";
import { currentUser, type SessionUser } from "./auth";
import { getDb } from "./db";
import { can, type Permission } from "./permissions";
import type { Db } from "./prisma";

export type ApiErrorCode = "unauthenticated" | "forbidden" | "invalid_request" | "not_found" | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid_request: 400,
  not_found: 404,
  internal: 500,
};

export function apiError(code: ApiErrorCode, message: string, details?: unknown) {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status: STATUS[code] });
}

type Handler = (ctx: { req: Request; user: SessionUser; db: Db }) => Promise<Response>;

/** Wraps every route handler: the caller must be signed in and hold the permission. */
export function withPermission(permission: Permission, handler: Handler) {
  return async (req: Request): Promise<Response> => {
    const user = await currentUser();
    if (!user) return apiError("unauthenticated", "Sign in first: this endpoint needs a session.");
    if (!can(user, permission)) return apiError("forbidden", `Your role (${user.role.toLowerCase()}) may not do this (${permission}).`);
    try {
      return await handler({ req, user, db: await getDb() });
    } catch (err) {
      console.error(err);
      return apiError("internal", "Something went wrong on the server; nothing was changed. Try again, or tell your administrator.");
    }
  };
}
