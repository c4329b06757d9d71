import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import geometryAr from "./geometry-messages/ar.json";
import geometryCkb from "./geometry-messages/ckb.json";
import geometryEn from "./geometry-messages/en.json";
import ar from "./messages/ar.json";
import ckb from "./messages/ckb.json";
import en from "./messages/en.json";
import serverAr from "./server-messages/ar.json";
import serverCkb from "./server-messages/ckb.json";
import serverEn from "./server-messages/en.json";

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The arguments a message takes, with their kind ("count:plural", "name:argument"), and its rich-text tags. */
function signature(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument) names.add(`${e.value}:argument`);
      else if (e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time)
        names.add(`${e.value}:${TYPE[e.type]}`);
      else if (e.type === TYPE.plural || e.type === TYPE.select) {
        names.add(`${e.value}:${TYPE[e.type]}`);
        for (const option of Object.values(e.options)) walk(option.value);
      } else if (e.type === TYPE.tag) {
        names.add(`<${e.value}>`);
        walk(e.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

// Names that stay in Latin script in every language: formats, standards, units, codes.
const LATIN_TERMS =
  /\b(?:GeoJSON|KML|GPX|CSV|XLSX|PDF|IATI|IMSMA|IMAS|UTM|EPSG|WGS\s?84|API|URL|HXL|DMA|IKMAA|SHA|CHA|P-code|Bearer|Authorization|Shapefile|Excel|Enter|US\$|km²|m²|ha|shp|dbf|prj|zip|json|geojson|kml|gpx|csv|xlsx|N|E|\d+N)\b|\.[a-z]+|[A-Z]{2,}[-_A-Z0-9]*|[a-z0-9._%+-]+@[a-z0-9.-]+|mat_\w*/g;

// The screens' messages, the server's refusals, and the geometry readers' problems.
const CATALOGUES = [
  ["screens", en, ar, ckb],
  ["refusals", serverEn, serverAr, serverCkb],
  ["geometry problems", geometryEn, geometryAr, geometryCkb],
] as const;

describe.each(CATALOGUES)("the %s catalogues", (_set, englishCatalogue, arCatalogue, ckbCatalogue) => {
  const english = flatten(englishCatalogue as Catalogue);

  describe.each([
    ["ar", arCatalogue],
    ["ckb", ckbCatalogue],
  ] as const)("in %s", (_language, catalogue) => {
    const translated = flatten(catalogue as Catalogue);

    it("has every English key and no other", () => {
      expect([...english.keys()].filter((k) => !translated.has(k))).toEqual([]);
      expect([...translated.keys()].filter((k) => !english.has(k))).toEqual([]);
    });

    it("takes the same arguments and tags as English in every message", () => {
      const differing = [...english].filter(
        ([key, message]) => translated.has(key) && signature(translated.get(key)!).join() !== signature(message).join(),
      );
      expect(differing.map(([key]) => key)).toEqual([]);
    });

    it("translates every message: none left in English", () => {
      const untranslated = [...translated].filter(([key, message]) => {
        const words = message
          .replace(/\{[^{}]*\}/g, " ")
          .replace(/<\/?\w+>/g, " ")
          .replace(LATIN_TERMS, " ");
        return /[A-Za-z]{2,}/.test(words) && !/[\u0600-\u06FF]/.test(message)
          ? true
          : message === english.get(key) && /[A-Za-z]{3,}/.test(words);
      });
      expect(untranslated.map(([key, message]) => `${key}: ${message}`)).toEqual([]);
    });

    // Right to left, "US$" reads "$US" unless a left-to-right mark follows it (as format.ts does for amounts).
    it("keeps US$ whole in right-to-left text", () => {
      expect([...translated].filter(([, message]) => /US\$(?!\u200e)/.test(message)).map(([key]) => key)).toEqual([]);
    });
  });
});

describe("counts in sentences agree with their number", () => {
  type Say = (key: string, values: Record<string, number | string>) => string;
  const say = (locale: "en" | "ar", key: string, values: Record<string, number>) =>
    (createTranslator({ locale, messages: locale === "en" ? en : ar, namespace: "humanImpact" }) as unknown as Say)(
      key,
      Object.fromEntries(
        Object.entries(values).flatMap(([k, v]) => [
          [k, v],
          [`${k}Text`, String(v)],
        ]),
      ),
    );
  it("says one session and one accident, not '1 sessions', '1 accidents'", () => {
    expect(say("en", "beneficiariesFigure", { people: 1, sessions: 1 })).toBe("1 person reached in 1 session");
    expect(say("en", "beneficiariesFigure", { people: 70, sessions: 2 })).toBe("70 people reached in 2 sessions");
    expect(say("en", "casualtiesFigure", { killed: 1, injured: 0, accidents: 1 })).toBe(
      "1 killed, 0 injured in 1 accident",
    );
  });
  it("uses Arabic's forms for two and for three to ten", () => {
    expect(say("ar", "beneficiariesFigure", { people: 2, sessions: 3 })).toBe("وصلت التوعية إلى شخصين في 3 جلسات");
    expect(say("ar", "casualtiesFigure", { killed: 11, injured: 1, accidents: 2 })).toBe(
      "11 قتيلًا وجريح واحد في حادثين",
    );
  });
});
