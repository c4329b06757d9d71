"use server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/server/auth";
import { CommandError } from "@/lib/server/command-error";
import { createApiToken, revokeApiToken } from "@/lib/server/commands/api-tokens";
import { getDb } from "@/lib/server/db";

export type CreateTokenState = { token?: string; error?: string };

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const user = await currentUser();
  if (!user) return { error: "Your session has ended: sign in again." };
  try {
    const created = await createApiToken(await getDb(), user, form.get("name"));
    revalidatePath("/account/tokens");
    return { token: created.token };
  } catch (err) {
    if (err instanceof CommandError) return { error: err.message };
    throw err;
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  try {
    await revokeApiToken(await getDb(), user, String(form.get("id") ?? ""));
  } catch (err) {
    // Another user's token id, or none: the form only ever posts the caller's own, so there is nothing to show.
    if (err instanceof CommandError) return;
    throw err;
  }
  revalidatePath("/account/tokens");
}
