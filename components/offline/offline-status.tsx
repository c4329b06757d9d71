"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { announce } from "@/components/ui/notice";
import { SERVICE_WORKER_URL } from "@/lib/offline/cache-names";
import { setQueueUser } from "./enqueue";
import { QueueList } from "./queue-list";
import { indexedDbQueue, QUEUE_CHANGED, type QueueItem } from "./queue-store";
import { sendWaitingOnce } from "./send-queue";
import { forgetPages, warmPages } from "./warm-cache";

/**
 * On every page of the signed-in app: whether the device is online, how many submissions wait on it and how
 * many the server refused, with the list. It also starts the service worker, keeps the user's field pages for
 * offline use, and sends what waits when the page opens and when the connection returns.
 */
export function OfflineStatus({
  userId,
  shellPages,
  keepTasks,
  serviceWorker,
}: {
  userId: string;
  /** The pages of the app's menu, kept for offline use with the user's open tasks. */
  shellPages: readonly string[];
  /** Whether the user reports on tasks (a partner): their open tasks' pages and forms are kept too. */
  keepTasks: boolean;
  /** Off in development, where a worker would keep stale builds. */
  serviceWorker: boolean;
}) {
  const t = useTranslations("offline");
  const router = useRouter();
  const [online, setOnline] = useState(true);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  // Whether this device has kept the user's field pages: a partner about to leave coverage needs to know.
  const [kept, setKept] = useState<"keeping" | "kept" | null>(null);
  const waitingNow = useRef(0);

  const reload = useCallback(async () => {
    const all = await indexedDbQueue().all();
    setItems(all.filter((i) => i.userId === userId));
  }, [userId]);

  // navigator.onLine says only that a network is there (a captive Wi-Fi, a phone's data switched on without
  // signal): an answer from the app itself says it is reachable.
  const reachable = useCallback(async () => {
    const ok =
      navigator.onLine &&
      (await fetch("/api/health", { cache: "no-store" }).then(
        (r) => r.status < 500,
        () => false,
      ));
    setOnline(ok);
    return ok;
  }, []);

  const send = useCallback(async () => {
    if (!(await reachable())) return;
    setSending(true);
    try {
      const round = await sendWaitingOnce({ fetch: window.fetch.bind(window), store: indexedDbQueue(), userId });
      if (round.sent.length > 0) {
        announce(t("sent", { count: round.sent.length }));
        router.refresh();
      }
    } finally {
      setSending(false);
      await reload();
    }
  }, [userId, reload, router, t, reachable]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per signed-in user: register, keep pages, send.
  useEffect(() => {
    setOnline(navigator.onLine);
    if (serviceWorker && "serviceWorker" in navigator)
      void navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/", type: "module" }).catch(() => {});
    void (async () => {
      if (setQueueUser(userId)) await forgetPages();
      await reload();
      await send();
      // Once per tab: pages are kept fresh afterwards by each visit while online (network first).
      const warmed = `mat-warmed:${userId}`;
      if (sessionStorage.getItem(warmed)) return setKept("kept");
      if (!navigator.onLine) return;
      setKept("keeping");
      const pages = await warmPages(shellPages, keepTasks).catch(() => 0);
      if (pages > 0) sessionStorage.setItem(warmed, "1");
      setKept(pages > 0 ? "kept" : null);
    })();
    const goOnline = () => {
      setOnline(true);
      void send();
    };
    const goOffline = () => setOnline(false);
    // While something waits, the app looks again now and then: the browser's online event does not always come.
    const retry = window.setInterval(() => {
      if (!document.hidden && waitingNow.current > 0) void send();
    }, 20_000);
    const changed = () => void reload();
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    window.addEventListener(QUEUE_CHANGED, changed);
    return () => {
      window.clearInterval(retry);
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener(QUEUE_CHANGED, changed);
    };
  }, [userId]);

  const waiting = items.filter((i) => i.state !== "refused").length;
  const refused = items.length - waiting;
  waitingNow.current = waiting;
  return (
    <div className="offline-status" data-online={online}>
      <p role="status" data-testid="connection-state">
        <span className="connection">{online ? t("online") : t("offline")}</span>
        {" · "}
        <span data-testid="queue-waiting" data-count={waiting}>
          {t("waiting", { count: waiting })}
        </span>
        {online && kept && (
          <>
            {" · "}
            <span data-testid="offline-ready" data-state={kept}>
              {kept === "kept" ? t("kept") : t("keeping")}
            </span>
          </>
        )}
        {refused > 0 && (
          <>
            {" · "}
            <span data-testid="queue-refused" data-count={refused} className="refused">
              {t("refused", { count: refused })}
            </span>
          </>
        )}
      </p>
      {items.length > 0 && (
        <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t("hide") : t("show")}
        </button>
      )}
      {open && items.length > 0 && (
        <QueueList items={items} online={online} sending={sending} onSend={send} onChanged={reload} />
      )}
    </div>
  );
}
