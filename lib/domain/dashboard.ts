// What the progress dashboard shows for a view: put together on the server
// (lib/server/queries/progress.ts), drawn in the browser and on the public
// page (components/dashboard), so the type lives here rather than in either.
import type { HumanImpact } from "./human-impact";
import type { ProgressView } from "./progress";
import type { BurnDownPoint, MonthlyRelease, Projection } from "./projection";
import type { ProjectionByMethod } from "./projection-by-method";
import type { TreatyReport } from "./treaty-report";

/** Land released (m²) by method for one partner or one land use, and their sum. */
export type Breakdown = {
  key: string;
  label: string;
  cancelled: number;
  reduced: number;
  cleared: number;
  total: number;
};

/** Devices found and destroyed in a view, by category. */
export type DevicesDestroyed = { category: string; count: number }[];

export type Dashboard = Omit<ProgressView, "sinceBaseline"> & {
  yearly: (MonthlyRelease & { year: number })[];
  burnDown: BurnDownPoint[];
  /** Every method counted. */
  projection: Projection;
  /** Technical survey and clearance projected on their own, cancellation apart (the headline). */
  projectionByMethod: ProjectionByMethod;
  devices: DevicesDestroyed;
  byPartner: Breakdown[];
  byLandUse: Breakdown[];
  humanImpact: HumanImpact;
  /** Remaining contamination by governorate and treaty type (Article 7's shape). */
  treaty: TreatyReport;
};
