import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { indexedDbQueue, nextSeq, type QueueItem, type QueueStore } from "./queue-store";
import { sendWaiting } from "./send-queue";

// A server as the queue meets it: answers by URL, records what arrived, and can drop the connection.
type Answer = { status: number; body: unknown } | "no-connection";
function fakeServer(answer: (url: string, n: number) => Answer) {
  const calls: { url: string; body: unknown }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : init?.body;
    const a = answer(url, calls.filter((c) => c.url === url).length);
    if (a === "no-connection") throw new TypeError("Failed to fetch");
    calls.push({ url, body });
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { fetchFn, calls };
}

let store: QueueStore;
let dbCount = 0;
beforeEach(() => {
  store = indexedDbQueue(`test-queue-${dbCount++}`);
});

function item(id: string, url: string, extra: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    userId: "user-a",
    subject: "landReleaseReport",
    label: "T-1",
    request: { kind: "json", url, body: { clientRef: id } },
    files: [],
    reopen: { href: "/tasks/t1/reports/new" },
    createdAt: new Date().toISOString(),
    seq: nextSeq(),
    state: "waiting",
    ...extra,
  };
}

const photo = (name: string) => ({ name, type: "image/jpeg", sizeBytes: 3, blob: new Blob(["jpg"]), sent: false });
const created = (id: string): Answer => ({ status: 201, body: { id } });

describe("the offline queue", () => {
  it("sends waiting submissions in the order they were made, one at a time, and empties the queue", async () => {
    await store.put(item("ref-00000001", "/api/tasks/t1/reports"));
    await store.put(item("ref-00000002", "/api/risk-education", { subject: "eoreSession" }));
    await store.put(item("ref-00000003", "/api/tasks/t2/reports"));
    const server = fakeServer((url) => created(`rec-${url}`));
    const round = await sendWaiting({ fetch: server.fetchFn, store, userId: "user-a" });
    expect(server.calls.map((c) => (c.body as { clientRef: string }).clientRef)).toEqual([
      "ref-00000001",
      "ref-00000002",
      "ref-00000003",
    ]);
    expect(round).toEqual({ sent: ["ref-00000001", "ref-00000002", "ref-00000003"], refused: [], stopped: null });
    expect(await store.all()).toEqual([]);
  });

  it("keeps everything, in order, when there is no connection, and sends it all once the connection is back", async () => {
    await store.put(item("ref-00000001", "/api/tasks/t1/reports"));
    await store.put(item("ref-00000002", "/api/tasks/t1/reports"));
    const offline = fakeServer(() => "no-connection");
    expect((await sendWaiting({ fetch: offline.fetchFn, store, userId: "user-a" })).stopped).toBe("network");
    expect((await store.all()).map((i) => [i.id, i.state])).toEqual([
      ["ref-00000001", "waiting"],
      ["ref-00000002", "waiting"],
    ]);
    const online = fakeServer(() => created("r"));
    expect((await sendWaiting({ fetch: online.fetchFn, store, userId: "user-a" })).sent).toHaveLength(2);
    expect(await store.all()).toEqual([]);
  });

  it("sends the same clientRef again after a dropped answer, and the server's 200 (already made) ends the item", async () => {
    await store.put(item("ref-00000001", "/api/tasks/t1/reports", { files: [photo("marker.jpg")] }));
    // The report was made but the connection dropped before its photo went.
    const dropped = fakeServer((url) => (url === "/api/attachments" ? "no-connection" : created("report-1")));
    expect((await sendWaiting({ fetch: dropped.fetchFn, store, userId: "user-a" })).stopped).toBe("network");
    const [waiting] = await store.all();
    expect(waiting).toMatchObject({ state: "filesWaiting", subjectId: "report-1" });
    // Next round: the report is not sent again; the photo goes to the report already made.
    const server = fakeServer((url) => (url === "/api/attachments" ? created("att-1") : created("report-2")));
    await sendWaiting({ fetch: server.fetchFn, store, userId: "user-a" });
    expect(server.calls.map((c) => c.url)).toEqual(["/api/attachments"]);
    const form = server.calls[0]!.body as FormData;
    expect([form.get("subjectType"), form.get("subjectId"), (form.get("file") as File).name]).toEqual([
      "landReleaseReport",
      "report-1",
      "marker.jpg",
    ]);
    expect(await store.all()).toEqual([]);

    // A report sent twice (the first answer lost): the server answers 200 with the report already made.
    await store.put(item("ref-00000009", "/api/tasks/t1/reports"));
    const replay = fakeServer(() => ({ status: 200, body: { id: "report-1" } }));
    expect((await sendWaiting({ fetch: replay.fetchFn, store, userId: "user-a" })).sent).toEqual(["ref-00000009"]);
  });

  it("a refusal stops only that item, kept with the server's words; the ones after it are sent", async () => {
    await store.put(item("ref-00000001", "/api/tasks/closed/reports"));
    await store.put(item("ref-00000002", "/api/tasks/open/reports"));
    const server = fakeServer((url) =>
      url.includes("closed")
        ? {
            status: 409,
            body: { error: { code: "conflict", message: "The task is closed: reports are taken while…" } },
          }
        : created("r2"),
    );
    const round = await sendWaiting({ fetch: server.fetchFn, store, userId: "user-a" });
    expect(round).toEqual({ sent: ["ref-00000002"], refused: ["ref-00000001"], stopped: null });
    const [refused] = await store.all();
    expect(refused).toMatchObject({
      id: "ref-00000001",
      state: "refused",
      refusal: { status: 409, code: "conflict", lines: ["The task is closed: reports are taken while…"] },
    });
    // A refused item is not sent again by itself: the user opens it again or discards it.
    const again = fakeServer(() => created("r3"));
    await sendWaiting({ fetch: again.fetchFn, store, userId: "user-a" });
    expect(again.calls).toEqual([]);
  });

  it("a server fault or an expired session stops the round without refusing anything", async () => {
    await store.put(item("ref-00000001", "/api/tasks/t1/reports"));
    await store.put(item("ref-00000002", "/api/tasks/t1/reports"));
    for (const status of [500, 503, 401, 429]) {
      const server = fakeServer(() => ({ status, body: { error: { message: "later" } } }));
      expect((await sendWaiting({ fetch: server.fetchFn, store, userId: "user-a" })).stopped).toBe("later");
      expect(server.calls).toHaveLength(1);
      expect((await store.all()).every((i) => i.state === "waiting")).toBe(true);
    }
  });

  it("a refused photo is said with its name; the record and the other photos arrive", async () => {
    await store.put(item("ref-00000001", "/api/tasks/t1/reports", { files: [photo("big.jpg"), photo("ok.jpg")] }));
    const server = fakeServer((url, n) =>
      url !== "/api/attachments"
        ? created("report-1")
        : n === 0
          ? { status: 413, body: { error: { code: "too_large", message: "big.jpg is over 10 MB." } } }
          : created("att"),
    );
    const round = await sendWaiting({ fetch: server.fetchFn, store, userId: "user-a" });
    expect(round.refused).toEqual(["ref-00000001"]);
    expect(server.calls.map((c) => c.url)).toEqual(["/api/tasks/t1/reports", "/api/attachments", "/api/attachments"]);
    expect((await store.all())[0]).toMatchObject({
      state: "refused",
      subjectId: "report-1",
      refusal: { status: 413, fileName: "big.jpg", lines: ["big.jpg is over 10 MB."] },
    });
  });

  it("sends only the signed-in user's submissions; another user's stay on the device untouched", async () => {
    await store.put(item("ref-00000001", "/api/tasks/t1/reports", { userId: "user-b" }));
    await store.put(item("ref-00000002", "/api/tasks/t1/reports"));
    const server = fakeServer(() => created("r"));
    expect((await sendWaiting({ fetch: server.fetchFn, store, userId: "user-a" })).sent).toEqual(["ref-00000002"]);
    expect((await store.all()).map((i) => i.id)).toEqual(["ref-00000001"]);
  });
});
