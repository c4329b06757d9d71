// The server's configuration, validated once at start-up.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { pgliteDir } from "./pglite-lock";

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters (openssl rand -base64 32)")
    .optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the app's public URL, e.g. https://mine-action.example.org").optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  BASEMAP_TILE_URL: z
    .string()
    .regex(
      /^https:\/\/.*\{z\}.*\{x\}.*\{y\}/,
      "BASEMAP_TILE_URL must be an https:// XYZ raster tile template with {z}, {x} and {y}",
    )
    .optional(),
  // A raster PMTiles archive: a path on this app's own origin (public/…, works offline) or an https:// URL.
  BASEMAP_PMTILES_URL: z
    .string()
    .regex(
      /^(\/(?!\/)[^\s?#]*|https:\/\/[^\s/?#]+\/[^\s?#]*)\.pmtiles$/,
      "BASEMAP_PMTILES_URL must be a path on this app (/basemap/iraq.pmtiles) or an https:// URL, ending in .pmtiles",
    )
    .optional(),
  BASEMAP_ATTRIBUTION: z.string().max(300).optional(),
  // How many reverse proxies of this installation stand in front of the app, each appending to X-Forwarded-For.
  TRUSTED_PROXY_HOPS: z.coerce
    .number()
    .int()
    .min(0, "TRUSTED_PROXY_HOPS is 0 or more")
    .max(5, "TRUSTED_PROXY_HOPS is at most 5")
    .default(0),
  // Memory for pages shared by everyone of a scope (lib/server/page-cache); 0 renders every page.
  PAGE_CACHE_MB: z.coerce
    .number()
    .int()
    .min(0, "PAGE_CACHE_MB is 0 (no pages cache) or more")
    .max(4096, "PAGE_CACHE_MB is at most 4096")
    .default(64),
});

export type BasemapEnv = { tileUrl?: string; pmtilesUrl?: string; tileAttribution?: string };

export type ServerEnv = {
  databaseUrl: string | undefined;
  nextAuthSecret: string;
  nextAuthUrl: string;
  basemap: BasemapEnv;
  trustedProxyHops: number;
  pageCacheBytes: number;
  /** `next dev`: React then needs eval in the browser (lib/server/content-security-policy.ts). */
  development: boolean;
};

/**
 * Embedded (PGlite) installations keep a generated session secret beside the
 * database, so `npm start` needs no setup. A PostgreSQL deployment may run
 * several app instances, which must share one secret: there it is required.
 */
export function embeddedSecretFile(): string {
  return path.join(path.dirname(pgliteDir()), "nextauth-secret");
}

export function ensureEmbeddedSecret(): string {
  const file = embeddedSecretFile();
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** The raster basemap settings: a PMTiles file, a tile server, or both (the map draws the file). */
function basemapOf(env: z.infer<typeof ZEnv>): BasemapEnv {
  if (!env.BASEMAP_TILE_URL && !env.BASEMAP_PMTILES_URL) return {};
  return {
    ...(env.BASEMAP_TILE_URL ? { tileUrl: env.BASEMAP_TILE_URL } : {}),
    ...(env.BASEMAP_PMTILES_URL ? { pmtilesUrl: env.BASEMAP_PMTILES_URL } : {}),
    tileAttribution: env.BASEMAP_ATTRIBUTION,
  };
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const env = parsed.data;
  if (env.DATABASE_URL && !env.NEXTAUTH_SECRET) {
    throw new Error(
      "NEXTAUTH_SECRET is required with DATABASE_URL (openssl rand -base64 32), shared by every app instance.",
    );
  }
  cached = {
    databaseUrl: env.DATABASE_URL,
    nextAuthSecret: env.NEXTAUTH_SECRET ?? ensureEmbeddedSecret(),
    nextAuthUrl: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    basemap: basemapOf(env),
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    pageCacheBytes: env.PAGE_CACHE_MB * 1024 * 1024,
    development: process.env.NODE_ENV === "development",
  };
  // next-auth reads these from the environment.
  process.env.NEXTAUTH_SECRET = cached.nextAuthSecret;
  process.env.NEXTAUTH_URL = cached.nextAuthUrl;
  return cached;
}

/**
 * The map draws the shipped Iraq boundaries offline; an installation may add
 * a raster basemap underneath (with its attribution): a PMTiles file it
 * serves itself, which works offline, or a tile server for those with internet.
 */
export function basemapSettings(): BasemapEnv {
  const { basemap } = serverEnv();
  return basemap;
}
