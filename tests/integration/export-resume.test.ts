import { createHash } from "node:crypto";
import { readSheet } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { GET as exportFile } from "@/app/api/exports/[file]/route";
import { fileNameOf } from "@/lib/exports/content-disposition";
import { issueApiToken as createApiToken } from "@/lib/server/commands/issue-api-token";
import type { Db } from "@/lib/server/prisma";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe.each(DATABASE_KINDS)("a dropped export resumes on %s", (kind) => {
  const t = useSeededDatabase(kind);

  const caller = async (email: string) => {
    // The route handlers read the app's database through getDb(): point it at this test's.
    (globalThis as { __mineActionDb?: Promise<Db> }).__mineActionDb = Promise.resolve(t().db);
    const { token } = await createApiToken(t().db, await actorFor(t().db, email), "resume test");
    return (file: string, headers: Record<string, string> = {}) =>
      exportFile(
        new Request(`http://localhost/api/exports/${file}?status=all`, {
          headers: { authorization: `Bearer ${token}`, ...headers },
        }),
        { params: Promise.resolve({ file }) },
      );
  };

  it("answers the rest of the file after the bytes the caller proves it has, for a stream and for a file built whole", async () => {
    const get = await caller("partner@demo.test");
    for (const file of ["reports.csv", "released.geojson", "reports.xlsx"]) {
      const whole = new Uint8Array(await (await get(file)).arrayBuffer());
      expect(whole.byteLength).toBeGreaterThan(1_000);
      const from = Math.floor(whole.byteLength / 3);
      const res = await get(file, { "x-resume-from": String(from), "x-resume-sha256": sha(whole.subarray(0, from)) });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-export-resumed-from")).toBe(String(from));
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(whole.subarray(from)))).toBe(true);
    }
  });

  it("gives the file its name in Content-Disposition, and a workbook in the reader's language", async () => {
    const get = await caller("partner@demo.test");
    const res = await get("reports.xlsx", { "accept-language": "ar" });
    expect(fileNameOf(res.headers.get("content-disposition"))).toMatch(/^reports_all_as-of_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header] = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(header![0]).toBe("معرّف التقرير");
  });

  it("refuses with 412 when the bytes are not the file's any more, and says so in the reader's language", async () => {
    const get = await caller("partner@demo.test");
    const whole = new Uint8Array(await (await get("reports.csv")).arrayBuffer());
    const changed = Uint8Array.from(whole.subarray(0, 500));
    changed[100] = changed[100]! ^ 1;
    const res = await get("reports.csv", {
      "x-resume-from": "500",
      "x-resume-sha256": sha(changed),
      "accept-language": "ar",
    });
    expect(res.status).toBe(412);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/[\u0600-\u06FF]/);
    // Past the end is not the same file either; a malformed request says what to send.
    expect(
      (await get("reports.csv", { "x-resume-from": String(whole.byteLength + 10), "x-resume-sha256": sha(whole) }))
        .status,
    ).toBe(412);
    const bad = await get("reports.csv", { "x-resume-from": "10", "x-resume-sha256": "abc" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/X-Resume-Sha256/);
  });
});
