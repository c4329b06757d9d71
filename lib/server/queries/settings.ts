import type { Db } from "../prisma";

export const PUBLIC_PAGE = "publicPage";

/** Whether the sign-in-free progress page is published: on until an authority switches it off. */
export async function publicPageEnabled(db: Db): Promise<boolean> {
  const setting = await db.setting.findUnique({ where: { key: PUBLIC_PAGE }, select: { value: true } });
  return (setting?.value as { enabled?: boolean } | undefined)?.enabled ?? true;
}
