import { z } from "zod";

/** Publishes (enabled) or withdraws the sign-in-free public progress page. */
export const ZPublicPage = z.object({ enabled: z.boolean() });
