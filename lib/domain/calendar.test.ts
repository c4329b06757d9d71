import { describe, expect, it } from "vitest";
import { programmeDay } from "./calendar";

describe("programmeDay", () => {
  it("is Iraq's day: from midnight to 03:00 in Baghdad it is already tomorrow in UTC terms", () => {
    expect(programmeDay(new Date("2026-11-26T20:59:59Z"))).toBe("2026-11-26");
    expect(programmeDay(new Date("2026-11-26T21:00:00Z"))).toBe("2026-11-27");
    expect(programmeDay(new Date("2026-12-31T22:30:00Z"))).toBe("2027-01-01");
  });
});
