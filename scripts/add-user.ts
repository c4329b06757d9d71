// Opens an account from the command line: the first administrator of a new
// installation (which has no account to sign in with, since demo accounts
// are not created in production), or any account when no one can sign in.
// Every other account is opened on the Users page. The password is read from
// standard input, never from the command line, which other users of the
// machine can see:
//   npm run user:add -- --email admin@dma.gov.iq --name "Rana Aziz" --role admin --organisation DMA
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/account";
import { CommandError } from "@/lib/server/command-error";
import { openAccountFromCommandLine } from "@/lib/server/commands/open-account";
import { runScript, withMigratedDatabase } from "./run-script";

const USAGE = `Usage: npm run user:add -- --email <email> --name "<full name>" --role admin|authority|partner|donor --organisation "<name or short name>"
The password (at least ${MIN_PASSWORD_LENGTH} characters) is asked for, or read from standard input when it is not a terminal.`;

/** One line from standard input; typed at a terminal, it is not echoed. */
async function readPassword(): Promise<string> {
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  if (process.stdin.isTTY)
    process.stdout.write(`Password for the new account (at least ${MIN_PASSWORD_LENGTH} characters, not shown): `);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: process.stdin.isTTY });
  // Ctrl-C at the prompt stops the script (readline would otherwise only pause).
  rl.once("SIGINT", () => process.exit(130));
  const line = await new Promise<string>((resolve) => {
    rl.once("line", resolve);
    rl.once("close", () => resolve(""));
  });
  rl.close();
  if (process.stdin.isTTY) process.stdout.write("\n");
  return line;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      organisation: { type: "string" },
    },
  });
  if (!values.email || !values.name || !values.role || !values.organisation) throw new Error(USAGE);
  const { email, name, role, organisation } = values;
  await withMigratedDatabase(async (db) => {
    const wanted = organisation.trim();
    const organisations = await db.organisation.findMany({
      where: {
        OR: [{ name: { equals: wanted, mode: "insensitive" } }, { shortName: { equals: wanted, mode: "insensitive" } }],
      },
      select: { id: true, name: true },
    });
    if (organisations.length !== 1) {
      const all = await db.organisation.findMany({
        orderBy: { name: "asc" },
        select: { name: true, shortName: true, roles: true },
      });
      const list = all
        .map((o) => `  ${o.name}${o.shortName ? ` (${o.shortName})` : ""}, ${o.roles.join(" and ").toLowerCase()}`)
        .join("\n");
      throw new Error(
        `${organisations.length ? "More than one" : "No"} organisation is named "${wanted}". Give one of:\n${list || "  (none: run npm start once to load the reference data)"}`,
      );
    }
    const user = await openAccountFromCommandLine(db, {
      email,
      name,
      role: role.toUpperCase(),
      organisationId: organisations[0]!.id,
      password: await readPassword(),
    });
    console.log(
      `Account ${user.email} created: ${user.role.toLowerCase()} at ${organisations[0]!.name}. It can sign in now.`,
    );
  });
}

runScript(main, (err) => {
  if (!(err instanceof CommandError)) return err instanceof Error ? err.message : err;
  const issues = Array.isArray(err.details) ? (err.details as { path: PropertyKey[]; message: string }[]) : [];
  return [err.message, ...issues.map((i) => `  ${i.path.join(".")}: ${i.message}`)].join("\n");
});
