import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/server/api-tokens";
import { addOrganisation as createOrganisation } from "@/lib/server/commands/add-organisation";
import { issueApiToken as createApiToken } from "@/lib/server/commands/issue-api-token";
import { openAccount as createUser } from "@/lib/server/commands/open-account";
import { setAccountDisabled as setUserDisabled } from "@/lib/server/commands/set-account-disabled";
import { setAccountPassword as setUserPassword } from "@/lib/server/commands/set-account-password";
import { openDb } from "@/lib/server/prisma";
import { userForTokenHash } from "@/lib/server/queries/api-tokens";
import { activeAccount } from "@/lib/server/queries/users";
import { signInWithPassword } from "@/lib/server/sign-in";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

const root = path.resolve(import.meta.dirname, "../..");

describe.each(DATABASE_KINDS)("accounts and organisations on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const actor = (email: string) => actorFor(t().db, email);

  it("an administrator adds a partner and opens an account there, which signs in with its first password", async () => {
    const db = t().db;
    const admin = await actor("admin@demo.test");
    const org = await createOrganisation(db, admin, {
      name: `Mines Advisory Test ${kind}`,
      shortName: "MAT",
      roles: ["OPERATOR"],
      operatorKind: "COMMERCIAL",
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      roles: ["OPERATOR"],
      operatorKind: "COMMERCIAL",
    });
    const user = await createUser(db, admin, {
      email: `  Field.Officer@${kind}.example.org `,
      name: "Field Officer",
      role: "PARTNER",
      organisationId: org.id,
      password: "correct horse battery",
    });
    expect(user).toMatchObject({ email: `field.officer@${kind}.example.org`, role: "PARTNER", organisationId: org.id });
    expect(await signInWithPassword(db, user.email, "correct horse battery", "127.0.0.1")).toMatchObject({
      user: { email: user.email, role: "PARTNER" },
    });
    const trail = await db.auditEvent.findMany({
      where: { entityId: { in: [org.id, user.id] } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => [e.action, e.actorUserId])).toEqual([
      ["organisation.create", admin.id],
      ["user.create", admin.id],
      ["auth.signIn", user.id],
    ]);
    expect(JSON.stringify(trail.map((e) => e.after))).not.toContain("correct horse battery");
  });

  it("refuses, changing nothing: a non-administrator, a taken email, a role the organisation cannot hold, a short password", async () => {
    const db = t().db;
    const admin = await actor("admin@demo.test");
    const dma = await db.organisation.findFirstOrThrow({ where: { shortName: "DMA" } });
    const before = [await db.user.count(), await db.auditEvent.count()];
    const good = {
      email: `analyst-${kind}@dma.example.org`,
      name: "Analyst",
      role: "AUTHORITY",
      organisationId: dma.id,
      password: "twelve chars!",
    };
    expect((await refusal(createUser(db, await actor("dma@demo.test"), good))).code).toBe("forbidden");
    expect(
      (
        await refusal(
          createOrganisation(db, await actor("partner@demo.test"), {
            name: "Self-made",
            roles: ["OPERATOR"],
            operatorKind: "NGO",
          }),
        )
      ).code,
    ).toBe("forbidden");
    const taken = await refusal(createUser(db, admin, { ...good, email: "DMA@demo.test" }));
    expect([taken.code, taken.message]).toEqual([
      "conflict",
      "An account with the email dma@demo.test already exists.",
    ]);
    const wrongRole = await refusal(createUser(db, admin, { ...good, role: "DONOR" }));
    expect(wrongRole.message).toMatch(/^Directorate of Mine Action cannot hold this role/);
    expect(wrongRole.details).toMatchObject([{ path: ["role"] }]);
    const short = await refusal(createUser(db, admin, { ...good, password: "short" }));
    expect(short.details).toMatchObject([
      {
        path: ["password"],
        message: "A password has at least 12 characters.",
        text: { ar: "تتكون كلمة المرور من 12 حرفًا على الأقل." },
      },
    ]);
    expect(
      (await refusal(createOrganisation(db, admin, { name: "Directorate of Mine Action", roles: ["DONOR"] }))).code,
    ).toBe("conflict");
    const kindless = await refusal(createOrganisation(db, admin, { name: "Kindless", roles: ["OPERATOR"] }));
    expect([kindless.message, kindless.details]).toMatchObject([
      "Say what kind of operator it is: NGO, commercial contractor or national team.",
      [{ path: ["operatorKind"] }],
    ]);
    const kindOfDonor = await refusal(
      createOrganisation(db, admin, { name: "Kind donor", roles: ["DONOR"], operatorKind: "NGO" }),
    );
    expect(kindOfDonor.details).toMatchObject([{ path: ["operatorKind"] }]);
    // Partner staff work for an operator: not at a donor, nor at DMA, which holds no operator role.
    const donor = await db.organisation.findFirstOrThrow({ where: { users: { some: { email: "donor@demo.test" } } } });
    for (const organisationId of [donor.id, dma.id])
      expect(
        (await refusal(createUser(db, admin, { ...good, role: "PARTNER", organisationId }))).details,
      ).toMatchObject([{ path: ["role"] }]);
    expect([await db.user.count(), await db.auditEvent.count()]).toEqual(before);
  });

  it("an authority that is an operator too holds both kinds of account: IKMAA's officers and its own teams", async () => {
    const db = t().db;
    const admin = await actor("admin@demo.test");
    const ikmaa = await db.organisation.findFirstOrThrow({ where: { shortName: "IKMAA" } });
    expect([...ikmaa.roles].sort()).toEqual(["AUTHORITY", "OPERATOR"]);
    expect(ikmaa.operatorKind).toBe("NATIONAL");
    const team = await createUser(db, admin, {
      email: `eod-team-${kind}@ikmaa.example.org`,
      name: "IKMAA EOD team 2",
      role: "PARTNER",
      organisationId: ikmaa.id,
      password: "twelve chars!",
    });
    expect(team).toMatchObject({ role: "PARTNER", organisationId: ikmaa.id });
    expect(await db.user.findUniqueOrThrow({ where: { email: "ikmaa-team@demo.test" } })).toMatchObject({
      role: "PARTNER",
      organisationId: ikmaa.id,
    });
  });

  it("an administrator sets a new password for a holder who forgot theirs; the old one stops working", async () => {
    const db = t().db;
    const [admin, ikmaa] = [await actor("admin@demo.test"), await actor("ikmaa@demo.test")];
    expect(
      (await refusal(setUserPassword(db, ikmaa, { userId: ikmaa.id, password: "a new long password" }))).code,
    ).toBe("forbidden");
    expect((await refusal(setUserPassword(db, admin, { userId: ikmaa.id, password: "short" }))).details).toMatchObject([
      { path: ["password"] },
    ]);
    await setUserPassword(db, admin, { userId: ikmaa.id, password: "a new long password" });
    expect(await signInWithPassword(db, "ikmaa@demo.test", "demo-password", "127.0.0.1")).toEqual({
      refused: "credentials",
    });
    expect(await signInWithPassword(db, "ikmaa@demo.test", "a new long password", "127.0.0.1")).toMatchObject({
      user: { id: ikmaa.id },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.setPassword", entityId: ikmaa.id } });
    expect([event.actorUserId, event.after]).toEqual([admin.id, null]);
  });

  it("a disabled account cannot sign in, its session ends and its API tokens are revoked at once; enabling it lets it sign in, without its old tokens; nobody disables themselves", async () => {
    const db = t().db;
    const admin = await actor("admin@demo.test");
    const donor = await actor("donor@demo.test");
    const { token } = await createApiToken(db, donor, "Donor dashboard");
    expect(await activeAccount(db, donor.id)).toEqual({
      role: "DONOR",
      organisationId: donor.organisationId,
      sessionVersion: 0,
      mustChangePassword: false,
    });

    await setUserDisabled(db, admin, donor.id, true);
    expect(await signInWithPassword(db, "donor@demo.test", "demo-password", "127.0.0.1")).toEqual({
      refused: "credentials",
    });
    expect(await activeAccount(db, donor.id)).toBeNull();
    expect(await userForTokenHash(db, hashApiToken(token))).toBeNull();

    await setUserDisabled(db, admin, donor.id, false);
    expect(await signInWithPassword(db, "donor@demo.test", "demo-password", "127.0.0.1")).toMatchObject({
      user: { id: donor.id },
    });
    // A token revoked by the disable stays revoked: whoever held it while the account was disabled does not get back in.
    expect(await userForTokenHash(db, hashApiToken(token))).toBeNull();
    const trail = await db.auditEvent.findMany({
      where: { entityId: donor.id, action: { startsWith: "user." } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => e.action)).toEqual(["user.disable", "user.enable"]);

    expect((await refusal(setUserDisabled(db, admin, admin.id, true))).code).toBe("conflict");
    expect((await refusal(setUserDisabled(db, donor, admin.id, true))).code).toBe("forbidden");
    expect((await refusal(setUserDisabled(db, admin, "no-such-account", true))).code).toBe("not_found");

    // Two administrators disabling each other: the second, disabled by then, is refused, so one is left.
    const dma = await db.organisation.findFirstOrThrow({ where: { shortName: "DMA" } });
    const second = await createUser(db, admin, {
      email: `second-admin-${kind}@dma.example.org`,
      name: "Second administrator",
      role: "ADMIN",
      organisationId: dma.id,
      password: "second admin password",
    });
    const secondAdmin = { id: second.id, role: second.role, organisationId: second.organisationId };
    await setUserDisabled(db, secondAdmin, admin.id, true);
    expect((await refusal(setUserDisabled(db, admin, second.id, true))).code).toBe("forbidden");
    expect(await activeAccount(db, second.id)).not.toBeNull();
    await setUserDisabled(db, secondAdmin, admin.id, false);
  });
});

describe("the first administrator, from the command line", () => {
  it("opens an account on a database without demo accounts, reading the password from standard input; the account signs in", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mine-action-add-user-"));
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, "pglite"), SEED_DEMO: "0" };
    delete env.DATABASE_URL;
    const run = (args: string[], input = "") =>
      spawnSync("npx", ["tsx", ...args], { cwd: root, env, input, encoding: "utf8" });
    try {
      const setup = run(["scripts/setup-db.ts"]);
      expect(setup.status, setup.stderr).toBe(0);
      const added = run(
        [
          "scripts/add-user.ts",
          "--email",
          "Admin@DMA.gov.iq",
          "--name",
          "Rana Aziz",
          "--role",
          "admin",
          "--organisation",
          "dma",
        ],
        "first admin password\n",
      );
      expect([added.status, added.stdout.trim()]).toEqual([
        0,
        "Account admin@dma.gov.iq created: admin at Directorate of Mine Action. It can sign in now.",
      ]);
      const refused = run(
        [
          "scripts/add-user.ts",
          "--email",
          "second@dma.gov.iq",
          "--name",
          "Second",
          "--role",
          "admin",
          "--organisation",
          "Nowhere",
        ],
        "another long password\n",
      );
      expect([refused.status, refused.stderr]).toEqual([
        1,
        expect.stringMatching(
          /^No organisation is named "Nowhere"\. Give one of:\n.*Directorate of Mine Action \(DMA\), authority/s,
        ),
      ]);
      const { db, close } = await openDb({ pgliteDir: env.PGLITE_DIR!, holder: "the add-user test" });
      try {
        expect(await signInWithPassword(db, "admin@dma.gov.iq", "first admin password", "127.0.0.1")).toMatchObject({
          user: { role: "ADMIN" },
        });
        expect(await db.user.count()).toBe(1);
        expect(
          await db.auditEvent.findFirst({
            where: { action: "user.create" },
            select: { actorUserId: true, after: true },
          }),
        ).toMatchObject({ actorUserId: null, after: { via: "command line", email: "admin@dma.gov.iq" } });
      } finally {
        await close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
