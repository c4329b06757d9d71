import { describe, expect, it } from "vitest";
import { databaseTrouble } from "./database-trouble";

// The shapes below are what Prisma 7's pg adapter threw here (server stopped, database missing,
// database not accepting connections); the disk-full one carries PostgreSQL's SQLSTATE 53100.
const prisma = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid `db.user.count()` invocation"), {
    code,
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("databaseTrouble", () => {
  it("recognises a database that is down, missing or refusing connections", () => {
    expect(databaseTrouble(prisma("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(
      "unreachable",
    );
    expect(databaseTrouble(prisma("P1003", { kind: "DatabaseDoesNotExist", originalCode: "3D000" }))).toBe(
      "unreachable",
    );
    expect(
      databaseTrouble(
        prisma("P2010", {
          kind: "postgres",
          code: "55000",
          originalCode: "55000",
          severity: "FATAL",
          message: 'database "x" is not currently accepting connections',
        }),
      ),
    ).toBe("unreachable");
    expect(
      databaseTrouble(prisma("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01", severity: "FATAL" })),
    ).toBe("unreachable");
    expect(
      databaseTrouble(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe("unreachable");
  });

  it("recognises a full disk, on PostgreSQL and on the embedded database's files", () => {
    expect(
      databaseTrouble(
        prisma("P2010", {
          kind: "postgres",
          code: "53100",
          originalCode: "53100",
          severity: "ERROR",
          message: "could not extend file: No space left on device",
        }),
      ),
    ).toBe("full");
    expect(
      databaseTrouble(
        Object.assign(new Error("write failed"), {
          cause: Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }),
        }),
      ),
    ).toBe("full");
  });

  it("leaves everything else to be a bug (500): a constraint, a bad query, a plain error", () => {
    expect(databaseTrouble(prisma("P2002", { kind: "UniqueConstraintViolation" }))).toBeNull();
    expect(
      databaseTrouble(prisma("P2010", { kind: "postgres", code: "42703", originalCode: "42703", severity: "ERROR" })),
    ).toBeNull();
    expect(databaseTrouble(new TypeError("x is undefined"))).toBeNull();
    expect(databaseTrouble(undefined)).toBeNull();
  });
});
