import { NextResponse } from "next/server";
import { databaseTrouble, troubleLogLine } from "@/lib/server/database-trouble";
import { getDb } from "@/lib/server/db";
import { checkDatabase } from "@/lib/server/queries/health";

// Never cached: it answers for this moment.
export const dynamic = "force-dynamic";

/** Open to all, like a load balancer's probe: says only whether the database answers. */
export async function GET() {
  try {
    await checkDatabase(await getDb());
    return NextResponse.json({ status: "ok", database: "ok" });
  } catch (err) {
    const trouble = databaseTrouble(err) ?? "unreachable";
    console.error(troubleLogLine("Health check", trouble, err));
    return NextResponse.json(
      { status: "unavailable", database: trouble },
      { status: 503, headers: { "retry-after": "30" } },
    );
  }
}
