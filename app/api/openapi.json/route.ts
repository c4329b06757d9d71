import { NextResponse } from "next/server";
import { OPENAPI } from "@/lib/server/openapi";

// Public on purpose: the API's description holds no data, and partners' developers read it before they have a token.
export function GET() {
  return NextResponse.json(OPENAPI);
}
