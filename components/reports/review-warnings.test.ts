import { NextIntlClientProvider } from "next-intl";
import { type ComponentProps, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReviewWarning } from "@/lib/domain/report-review";
import ar from "@/lib/i18n/messages/ar.json";
import en from "@/lib/i18n/messages/en.json";
import { ReviewWarnings } from "./review-warnings";

const render = (warnings: ReviewWarning[], locale = "en", messages: object = en) =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // Its children are the next argument, as createElement takes them.
      { locale, messages, timeZone: "Asia/Baghdad" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(ReviewWarnings, {
        hazardCode: "CHA-NIN-0101",
        warnings,
        reports: [{ id: "r1", submittedAt: new Date("2026-09-03T08:00:00Z"), partner: "MAG" }],
        unchecked: false,
      }),
    ),
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .replace(/ :/g, ":")
    .trim();

describe("the review's warnings, as the reviewer reads them", () => {
  it("says how much of the polygon lies outside, never rounding 'more than half' up", () => {
    expect(render([{ kind: "mostlyOutside", outsideShare: 0.5679, outsideM2: 5_679 }])).toBe(
      "56.7% of this polygon (5,679 m²) lies outside CHA-NIN-0101: that part does not count.",
    );
  });

  it("says a report would count 0 m² and names the report that released the land first", () => {
    const text = render([{ kind: "countsNothing", cause: "released", releasedBy: [{ id: "r1", sharedM2: 900 }] }]);
    expect(text).toBe(
      "Would count 0 m²: all of it inside CHA-NIN-0101 was already released. Released by: the report of Sep 3, 2026 (MAG)",
    );
  });

  it("gives the land shared with another report under review, and the period's days", () => {
    expect(render([{ kind: "overlapsUnderReview", reports: [{ id: "r1", sharedM2: 2_500 }] }])).toContain(
      "It overlaps 1 other report under review in CHA-NIN-0101; whichever is approved first counts the shared land: the report of Sep 3, 2026 (MAG): 2,500 m² shared",
    );
    expect(render([{ kind: "periodInFuture", periodEnd: "2026-12-07", today: "2026-12-06" }])).toContain(
      "ends on Dec 7, 2026, after today in Iraq (Dec 6, 2026)",
    );
  });

  it("says there is nothing to warn of, and says it in Arabic too", () => {
    expect(render([])).toMatch(/^Nothing to warn of/);
    expect(render([{ kind: "countsNothing", cause: "outside", releasedBy: [] }], "ar", ar)).toContain(
      "يقع كله خارج CHA-NIN-0101",
    );
  });
});
