import { NextResponse } from "next/server";
import { withPermission } from "@/lib/server/http";
import { getNationalProgress } from "@/lib/server/queries/progress";

export const GET = withPermission("progress:read", async ({ db }) => NextResponse.json(await getNationalProgress(db)));
