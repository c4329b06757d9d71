import { NextResponse } from "next/server";
import { z } from "zod";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { listOrganisations } from "@/lib/server/queries/organisations";

const ZType = z.enum(["partner", "donor", "authority"]).optional();

/** Organisations by type, for choosing a partner or donor: names are not confidential. */
export const GET = withPermission("progress:read", async ({ req, db }) => {
  const type = ZType.safeParse(new URL(req.url).searchParams.get("type") ?? undefined);
  if (!type.success) throw new CommandError("invalid_request", refusal("organisationType"));
  const items = await listOrganisations(db, type.data?.toUpperCase() as "PARTNER" | "DONOR" | "AUTHORITY" | undefined);
  return NextResponse.json({ items: items.map((o) => ({ id: o.id, name: o.name, type: o.type.toLowerCase() })) });
});
