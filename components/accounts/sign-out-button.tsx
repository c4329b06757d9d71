"use client";
import { signOut } from "next-auth/react";
import { forgetPages } from "@/components/offline/warm-cache";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="link-button"
      // The pages kept for offline use carry this user's data: they go before the next user signs in.
      onClick={async () => {
        await forgetPages();
        await signOut({ callbackUrl: "/sign-in" });
      }}
    >
      {label}
    </button>
  );
}
