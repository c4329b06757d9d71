import { describe, expect, it } from "vitest";
import { pagesToKeep } from "./warm-cache";

const tasksAnswer = (items: { id: string; status: string }[]) =>
  (async (url: string) => {
    if (url !== "/api/tasks") throw new Error(`unexpected ${url}`);
    return new Response(JSON.stringify({ items }), { headers: { "content-type": "application/json" } });
  }) as typeof fetch;

describe("the pages a device keeps for offline use", () => {
  it("keeps a partner's open tasks with their report forms, not its finished ones", async () => {
    const pages = await pagesToKeep(
      tasksAnswer([
        { id: "t1", status: "assigned" },
        { id: "t2", status: "in_progress" },
        { id: "t3", status: "completed" },
      ]),
      ["/tasks"],
      true,
    );
    expect(pages).toEqual([
      "/tasks",
      "/offline",
      "/tasks/t1",
      "/tasks/t1/reports/new",
      "/tasks/t2",
      "/tasks/t2/reports/new",
    ]);
  });

  it("keeps only the shell for those who report on no task (an authority's tasks are a whole region's)", async () => {
    const refuse = (async () => {
      throw new Error("the task list was asked for");
    }) as typeof fetch;
    expect(await pagesToKeep(refuse, ["/casualties"], false)).toEqual(["/casualties", "/offline"]);
  });
});
