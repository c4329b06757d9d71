// The sections of a completion certificate (IMAS 08.30) on screen: what this
// task released and how, its turning points, QC, marking and residual risk,
// and the handover. Server components: the page hands them its one query's result.
import { getLocale, getTranslations } from "next-intl/server";
import type { Areal } from "@/components/map/field-map";
import { formatUtm } from "@/lib/geo/coordinates/format";
import { turningPoints } from "@/lib/geo/turning-points";
import { formatCount, formatDate, formatM2 } from "@/lib/i18n/format";
import type { getTaskCompletion } from "@/lib/server/queries/completion";

type Certificate = NonNullable<Awaited<ReturnType<typeof getTaskCompletion>>>;
type Current = NonNullable<Certificate["completion"]>;

/** m² by method of this task's own land (reopenings out), adding up to the total, and the devices destroyed. */
export async function ReleasedByTask({ task }: { task: Certificate }) {
  const [t, tMethod, tDevice, locale] = await Promise.all([
    getTranslations("completion"),
    getTranslations("method"),
    getTranslations("device"),
    getLocale(),
  ]);
  const byMethod = task.land?.byMethod ?? { CANCELLED: 0, REDUCED: 0, CLEARED: 0 };
  const total = byMethod.CANCELLED + byMethod.REDUCED + byMethod.CLEARED;
  return (
    <>
      <h2>{t("releasedByTask")}</h2>
      <table>
        <tbody>
          {(["CANCELLED", "REDUCED", "CLEARED"] as const).map((m) => (
            <tr key={m}>
              <th scope="row">{tMethod(m)}</th>
              <td className="num">{formatM2(byMethod[m], locale)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("total")}</th>
            <td className="num" data-testid="completion-total">
              {formatM2(total, locale)}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{t("devices")}</h2>
      {task.devices.length ? (
        <ul>
          {task.devices.map((d) => (
            <li key={d.category}>
              {tDevice(d.category)}: {formatCount(d.count, locale)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("noDevices")}</p>
      )}
    </>
  );
}

/** The unreleased remainder recorded at completion, plainly, or that nothing was left. */
export async function Remainder({ c }: { c: Current }) {
  const [t, locale] = await Promise.all([getTranslations("completion"), getLocale()]);
  return (
    <>
      <h2>{t("remainderTitle")}</h2>
      {c.remainderM2 > 0 ? (
        <p className="error" data-testid="completion-remainder">
          {t("remainderText", { m2: formatM2(c.remainderM2, locale), reason: c.remainderReason ?? "" })}
        </p>
      ) : (
        <p>{t("noRemainder")}</p>
      )}
    </>
  );
}

/** The newest post-clearance inspection since the completion was filed; marking, benchmark and residual risk. */
export async function QualityAndMarking({ task, c }: { task: Certificate; c: Current }) {
  const [t, locale] = await Promise.all([getTranslations("completion"), getLocale()]);
  const i = task.inspection;
  const b = task.benchmark;
  return (
    <>
      <h2>{t("qcTitle")}</h2>
      {i ? (
        <dl className="facts" data-testid="completion-qc">
          <dt>{t("qcResult")}</dt>
          <dd>{t(i.result === "PASSED" ? "qcPASSED" : "qcFAILED")}</dd>
          <dt>{t("qcInspectedOn")}</dt>
          <dd>{formatDate(i.inspectedOn, locale)}</dd>
          <dt>{t("qcInspector")}</dt>
          <dd>{i.inspector}</dd>
          <dt>{t("qcSampled")}</dt>
          <dd>{formatM2(i.sampledAreaM2, locale)}</dd>
        </dl>
      ) : (
        <p className="note">{t("notInspected")}</p>
      )}
      <h2>{t("benchmarkTitle")}</h2>
      <dl className="facts">
        <dt>{t("markers")}</dt>
        <dd>{c.markers ?? "—"}</dd>
        <dt>{t("benchmark")}</dt>
        <dd>
          {b ? (
            <>
              <span dir="ltr">
                {b.lat.toFixed(6)}, {b.lon.toFixed(6)} · UTM {formatUtm(b.lon, b.lat)}
              </span>
              <br />
              {b.description}
            </>
          ) : (
            "—"
          )}
        </dd>
      </dl>
      <h2>{t("residualRiskTitle")}</h2>
      <dl className="facts">
        <dt>{t("residualRisk")}</dt>
        <dd>{c.residualRisk ?? "—"}</dd>
        <dt>{t("residualRiskHolder")}</dt>
        <dd>{c.residualRiskHolder ?? "—"}</dd>
      </dl>
    </>
  );
}

/** The corners of this task's own land, in lat/lon and UTM. */
export async function TurningPoints({ land }: { land: Areal | null }) {
  const t = await getTranslations("completion");
  const points = turningPoints(land);
  if (!points.length) return null;
  return (
    <details open={points.length <= 40}>
      <summary>{t("turningPoints", { count: points.length })}</summary>
      <table>
        <thead>
          <tr>
            <th>{t("part")}</th>
            <th>{t("point")}</th>
            <th className="num">{t("lat")}</th>
            <th className="num">{t("lon")}</th>
            <th className="num">{t("utm")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.part}-${p.point}`}>
              <td>{p.part}</td>
              <td>{p.point}</td>
              <td className="num">{p.lat.toFixed(6)}</td>
              <td className="num">{p.lon.toFixed(6)}</td>
              <td className="num" dir="ltr">
                {formatUtm(p.lon, p.lat)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The handover as recorded: date, recipient, attendees by sex and age, signature lines. */
export async function HandoverRecord({ task, c }: { task: Certificate; c: Current }) {
  const [t, locale] = await Promise.all([getTranslations("completion"), getLocale()]);
  if (!c.handoverDate) return null;
  const attendees = c.attendeesWomen + c.attendeesMen + c.attendeesGirls + c.attendeesBoys;
  return (
    <>
      <dl className="facts">
        <dt>{t("handoverDate")}</dt>
        <dd>{formatDate(c.handoverDate, locale)}</dd>
        <dt>{t("recipient")}</dt>
        <dd>{c.recipient}</dd>
      </dl>
      <table>
        <thead>
          <tr>
            <th className="num">{t("attendeesWomen")}</th>
            <th className="num">{t("attendeesMen")}</th>
            <th className="num">{t("attendeesGirls")}</th>
            <th className="num">{t("attendeesBoys")}</th>
            <th className="num">{t("total")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">{c.attendeesWomen}</td>
            <td className="num">{c.attendeesMen}</td>
            <td className="num">{c.attendeesGirls}</td>
            <td className="num">{c.attendeesBoys}</td>
            <td className="num">{attendees}</td>
          </tr>
        </tbody>
      </table>
      <div className="signatures">
        <p>{t("signedPartner", { name: task.partner?.name ?? "" })}</p>
        <p>{t("signedAuthority", { name: task.authority.name })}</p>
        <p>{t("signedRecipient")}</p>
      </div>
    </>
  );
}
