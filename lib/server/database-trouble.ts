// Telling "the database is down or full" apart from a bug, from the errors
// Prisma's driver adapters throw (pg and PGlite alike), so the user gets a
// page and an API answer that say so (503, try again) instead of a bare 500.
// Pure: no database, no Next.js.

export type DatabaseTrouble = "unreachable" | "full";

// Prisma: can't reach (P1001), timed out (P1002), database missing (P1003), operation timed out (P1008),
// server closed the connection (P1017), no connection from the pool in time (P2024).
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1003", "P1008", "P1017", "P2024"]);
const ADAPTER_UNREACHABLE = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
]);
// SQLSTATE: class 08 connection exceptions; 57P01–57P03 shut down or starting; 3D000 no such database; 53300 too many connections.
const SQLSTATE_UNREACHABLE = /^(08...|57P0[123]|3D000|53300)$/;
// disk_full, out_of_memory, and PostgreSQL's "could not extend file" (53100 too) on a full volume.
const SQLSTATE_FULL = new Set(["53100", "53200"]);
const NODE_UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);

type Cause = { kind?: string; code?: string; originalCode?: string; severity?: string };

function causes(err: unknown): Cause[] {
  const out: Cause[] = [];
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const o = e as { code?: unknown; meta?: { driverAdapterError?: { cause?: Cause } }; cause?: unknown };
    if (typeof o.code === "string") out.push({ code: o.code });
    const adapter = o.meta?.driverAdapterError?.cause;
    if (adapter) out.push(adapter);
    e = o.cause;
  }
  return out;
}

export function databaseTrouble(err: unknown): DatabaseTrouble | null {
  const all = causes(err);
  if (
    all.some(
      (c) =>
        (c.originalCode && SQLSTATE_FULL.has(c.originalCode)) ||
        c.code === "ENOSPC" ||
        (c.code && SQLSTATE_FULL.has(c.code)),
    )
  )
    return "full";
  for (const c of all) {
    if (c.code && (PRISMA_UNREACHABLE.has(c.code) || NODE_UNREACHABLE.has(c.code) || SQLSTATE_UNREACHABLE.test(c.code)))
      return "unreachable";
    if (c.kind && ADAPTER_UNREACHABLE.has(c.kind)) return "unreachable";
    if (c.originalCode && SQLSTATE_UNREACHABLE.test(c.originalCode)) return "unreachable";
    // A FATAL error ends the session: the server refused or dropped the connection (e.g. the database not accepting connections).
    if (c.severity === "FATAL" || c.severity === "PANIC") return "unreachable";
  }
  return null;
}

/** One log line for the operator: the trouble and the driver's last line (Prisma's message starts with a code excerpt). */
export function troubleLogLine(where: string, trouble: DatabaseTrouble, err: unknown): string {
  return `${where}: database ${trouble}: ${String((err as Error)?.message ?? err)
    .split("\n")
    .at(-1)}`;
}
