import { NextResponse } from "next/server";
import { z } from "zod";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { listOrganisations } from "@/lib/server/queries/organisations";

// "partner" is what this filter was called before operators had roles: older callers keep working.
const ROLE_OF_TYPE = { operator: "OPERATOR", partner: "OPERATOR", donor: "DONOR", authority: "AUTHORITY" } as const;
const ZType = z.enum(["operator", "partner", "donor", "authority"]).optional();

/** Organisations holding a role, for choosing an operator or donor: names are not confidential. */
export const GET = withPermission("progress:read", async ({ req, db }) => {
  const type = ZType.safeParse(new URL(req.url).searchParams.get("type") ?? undefined);
  if (!type.success) throw new CommandError("invalid_request", refusal("organisationType"));
  const items = await listOrganisations(db, type.data && ROLE_OF_TYPE[type.data]);
  return NextResponse.json({
    items: items.map((o) => ({
      id: o.id,
      name: o.name,
      roles: o.roles.map((r) => r.toLowerCase()),
      operatorKind: o.operatorKind?.toLowerCase() ?? null,
    })),
  });
});
