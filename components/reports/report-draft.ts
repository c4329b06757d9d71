// The report form's draft, kept in this browser's storage while the partner
// works, so a dropped connection or a closed tab loses nothing. It holds the
// polygon as read and checked (whatever its source: drawn, typed or a file)
// and the submission's clientRef, so sending it again can never make a
// second report.
import type { Feature, Polygon } from "geojson";

export type ReportDraft = {
  clientRef: string;
  savedAt: string;
  hazardAreaId: string;
  method: string;
  periodStart: string;
  periodEnd: string;
  clearanceDepthCm: string;
  devices: { type: string; count: string }[];
  polygons: Feature<Polygon>[] | null;
};

const key = (form: string) => `mat-report-draft:${form}`;

export function loadDraft(form: string): ReportDraft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key(form)) ?? "null") as ReportDraft | null;
    return draft && typeof draft.clientRef === "string" && Array.isArray(draft.devices) ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(form: string, draft: ReportDraft) {
  try {
    localStorage.setItem(key(form), JSON.stringify(draft));
  } catch {
    // Storage full or refused (private browsing): the form still works, without a draft.
  }
}

export function clearDraft(form: string) {
  localStorage.removeItem(key(form));
}

/** A random id for one submission. crypto.randomUUID needs HTTPS; getRandomValues works on plain HTTP too. */
export function newClientRef(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
