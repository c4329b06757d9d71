"use client";

import { useMemo, useSyncExternalStore } from "react";
import { OfflineStatus } from "@/components/offline/offline-status";
import { type Viewer, viewerOfCookies } from "@/lib/domain/viewer";

const unchanging = () => () => {};

/**
 * Who is signed in on this device, read from the viewer cookie (lib/domain/viewer.ts): the server renders the
 * same page for everyone of a role and organisation, and the name goes in here, after the page arrives.
 */
export function useViewer(): Viewer | null {
  const cookie = useSyncExternalStore(
    unchanging,
    () => document.cookie,
    () => null,
  );
  return useMemo(() => viewerOfCookies(cookie), [cookie]);
}

/** "Signed in as … (role), organisation": the server's sentence with this device's user's name put in. */
export function SignedInAs({ before, after }: { before: string; after: string }) {
  const viewer = useViewer();
  return (
    <p className="who" data-testid="signed-in-as">
      {before}
      {viewer?.name}
      {after}
    </p>
  );
}

/** The offline status of this device's user, once the page knows who that is. */
export function ViewerOfflineStatus(props: Omit<Parameters<typeof OfflineStatus>[0], "userId">) {
  const viewer = useViewer();
  return viewer ? <OfflineStatus {...props} userId={viewer.id} /> : null;
}
