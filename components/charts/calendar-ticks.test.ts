import { describe, expect, it } from "vitest";
import { calendarTicks } from "./calendar-ticks";

const monthsFrom = (year: number, month: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const m = month - 1 + i;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  });

describe("calendarTicks", () => {
  it("labels every month of a short series", () => {
    expect(calendarTicks(monthsFrom(2025, 3, 5))).toEqual(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]);
  });

  it("labels a year at the same months, evenly, from January", () => {
    expect(calendarTicks(monthsFrom(2024, 1, 12))).toEqual([
      "2024-01",
      "2024-03",
      "2024-05",
      "2024-07",
      "2024-09",
      "2024-11",
    ]);
  });

  it("keeps the same months whatever month the series starts in", () => {
    expect(calendarTicks(monthsFrom(2023, 11, 36))).toEqual([
      "2024-01",
      "2024-07",
      "2025-01",
      "2025-07",
      "2026-01",
      "2026-07",
    ]);
  });

  it("labels Januaries of even years over a decade", () => {
    expect(calendarTicks(monthsFrom(2016, 1, 120))).toEqual(["2016-01", "2018-01", "2020-01", "2022-01", "2024-01"]);
  });

  it("labels years at round steps", () => {
    const years = Array.from({ length: 19 }, (_, i) => String(2008 + i));
    expect(calendarTicks(years)).toEqual(["2010", "2015", "2020", "2025"]);
    expect(calendarTicks(["2023", "2024", "2025"])).toEqual(["2023", "2024", "2025"]);
  });

  it("labels nothing on an empty axis", () => {
    expect(calendarTicks([])).toEqual([]);
  });

  it("never returns more labels than asked, nor none", () => {
    for (let n = 1; n <= 240; n++) {
      const ticks = calendarTicks(monthsFrom(2001, 2, n));
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
