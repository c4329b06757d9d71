"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/i18n/format";
import { useChartAxes } from "./axes";
import { BarChartBox } from "./bar-chart-box";

/** Devices found and destroyed by category. */
export function DevicesChart({ devices }: { devices: { category: string; count: number }[] }) {
  const t = useTranslations("dashboard");
  const tDevice = useTranslations("device");
  const locale = useLocale();
  const axes = useChartAxes();
  const count = (v: unknown) => formatCount(Number(v), locale);
  if (devices.length === 0) return <p className="note">{t("noDevices")}</p>;
  const data = devices.map((d) => ({ label: tDevice(d.category), count: d.count }));
  return (
    <BarChartBox
      testId="devices-chart"
      height={40 + 32 * data.length}
      data={data}
      across
      series={["count"]}
      empty={t("noDevices")}
    >
      <XAxis {...axes.x} type="number" allowDecimals={false} tickFormatter={count} tick={{ fontSize: 11 }} />
      <YAxis {...axes.y} type="category" dataKey="label" width={220} tick={{ fontSize: 11 }} />
      <Tooltip formatter={count} />
      <Bar dataKey="count" name={t("devices")} fill="#0072B2" />
    </BarChartBox>
  );
}
