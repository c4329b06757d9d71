import { describe, expect, it } from "vitest";
import { cellStatus } from "./register-map";

const ALL = new Set(["open", "partial", "released"] as const);

describe("a register map cell's colour", () => {
  it("is the status its shown areas share, partly released when they mix, none when nothing is shown", () => {
    expect(cellStatus({ open: 3, partial: 0, released: 0 }, ALL)).toBe("open");
    expect(cellStatus({ open: 0, partial: 0, released: 2 }, ALL)).toBe("released");
    expect(cellStatus({ open: 1, partial: 0, released: 2 }, ALL)).toBe("partial");
    // Unticking the released areas leaves a cell of open areas only: it is drawn as open.
    expect(cellStatus({ open: 1, partial: 0, released: 2 }, new Set(["open", "partial"] as const))).toBe("open");
    expect(cellStatus({ open: 0, partial: 0, released: 2 }, new Set(["open"] as const))).toBeNull();
  });
});
