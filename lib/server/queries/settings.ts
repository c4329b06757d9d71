import { cachedForDataVersion } from "@/lib/server/cache";
import type { Db } from "@/lib/server/prisma";

export const PUBLIC_PAGE = "publicPage";

/** Whether the sign-in-free progress page is published: on until an authority switches it off. */
export function publicPageEnabled(db: Db): Promise<boolean> {
  // Switching it bumps the data version (set-public-page.ts), so every instance sees the switch at once.
  return cachedForDataVersion(db, PUBLIC_PAGE, async () => {
    const setting = await db.setting.findUnique({ where: { key: PUBLIC_PAGE }, select: { value: true } });
    return (setting?.value as { enabled?: boolean } | undefined)?.enabled ?? true;
  });
}
