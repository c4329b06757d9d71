"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Options } from "@/components/ui/options";
import { AGES, type CasualtyGroup, OUTCOMES, SEXES, STATUSES } from "@/lib/domain/casualties";
import { DEVICE_CATEGORIES } from "@/lib/schemas/land-release-report";

/** What a correction starts from: the accident's devices, point and groups as recorded. */
export type AccidentValues = {
  devices: readonly string[];
  location: { lon: number; lat: number } | null;
  groups: readonly CasualtyGroup[];
};

const GROUP_FIELDS = ["outcome", "sex", "age", "status", "count"] as const;
const field = (name: (typeof GROUP_FIELDS)[number]) => `group-${name}`;

/**
 * The accident's body from the form: ticked devices (none: not known), the
 * point when both coordinates are given, and a group per row.
 */
export function accidentFields(d: FormData) {
  const column = (name: (typeof GROUP_FIELDS)[number]) => d.getAll(field(name)).map(String);
  const [sexes, ages, statuses, counts] = [column("sex"), column("age"), column("status"), column("count")];
  const lon = d.get("longitude");
  const lat = d.get("latitude");
  return {
    devices: d.getAll("devices").map(String),
    ...(lon && lat ? { location: { type: "Point", coordinates: [Number(lon), Number(lat)] } } : {}),
    casualties: column("outcome").map((outcome, i) => ({
      outcome,
      sex: sexes[i],
      age: ages[i],
      status: statuses[i],
      count: Number(counts[i] || 0),
    })),
  };
}

export function DeviceChecks({ values }: { values?: AccidentValues }) {
  const t = useTranslations("humanImpact");
  const tDevice = useTranslations("device");
  return (
    <fieldset>
      <legend>{t("devices")}</legend>
      <div className="grid-fields">
        {DEVICE_CATEGORIES.map((c) => (
          <label key={c} className="checkbox">
            <input type="checkbox" name="devices" value={c} defaultChecked={values?.devices.includes(c)} />
            {tDevice(c)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function LocationFields({ values }: { values?: AccidentValues }) {
  const t = useTranslations("humanImpact");
  return (
    <fieldset>
      <legend>{t("location")}</legend>
      <div className="grid-fields">
        <label>
          {t("longitude")}
          <input
            type="number"
            name="longitude"
            step="any"
            min={38}
            max={49}
            defaultValue={values?.location?.lon}
            inputMode="decimal"
          />
        </label>
        <label>
          {t("latitude")}
          <input
            type="number"
            name="latitude"
            step="any"
            min={29}
            max={38}
            defaultValue={values?.location?.lat}
            inputMode="decimal"
          />
        </label>
      </div>
    </fieldset>
  );
}

type Row = Omit<CasualtyGroup, "count"> & { key: number; count: number | "" };
const UNKNOWN_ROW = { outcome: "UNKNOWN", sex: "UNKNOWN", age: "UNKNOWN", status: "UNKNOWN" } as const;

/** The casualties, a row per group of the same outcome, sex, age and status; unknown unless the record says. */
export function CasualtyGroups({ values }: { values?: AccidentValues }) {
  const t = useTranslations("humanImpact");
  const words = {
    outcome: useTranslations("casualtyOutcome"),
    sex: useTranslations("casualtySex"),
    age: useTranslations("casualtyAge"),
    status: useTranslations("casualtyStatus"),
  };
  const choices = { outcome: OUTCOMES, sex: SEXES, age: AGES, status: STATUSES } as const;
  const [rows, setRows] = useState<Row[]>(() =>
    values?.groups.length
      ? values.groups.map((g, key) => ({ ...g, key }))
      : [{ ...UNKNOWN_ROW, outcome: "KILLED", key: 0, count: "" }],
  );
  const [next, setNext] = useState(rows.length);
  return (
    <fieldset>
      <legend>{t("casualtyGroups")}</legend>
      <p className="note">{t("groupsNote")}</p>
      {rows.map((row) => (
        <div key={row.key} className="device-row" data-testid="casualty-group">
          {(["outcome", "sex", "age", "status"] as const).map((name) => (
            <label key={name}>
              {t(name)}
              <select name={field(name)} defaultValue={row[name]}>
                <Options choices={choices[name].map((c) => ({ value: c, label: words[name](c) }))} />
              </select>
            </label>
          ))}
          <label>
            {t("count")}
            <input
              type="number"
              name={field("count")}
              min={1}
              max={100000}
              required
              defaultValue={row.count}
              inputMode="numeric"
            />
          </label>
          {rows.length > 1 && (
            <button type="button" className="secondary" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
              {t("removeGroup")}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setRows([...rows, { ...UNKNOWN_ROW, key: next, count: "" }]);
          setNext(next + 1);
        }}
      >
        {t("addGroup")}
      </button>
    </fieldset>
  );
}
