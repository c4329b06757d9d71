// The colours of maps, charts and PDFs. Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
export type HazardStatus = "open" | "partial" | "released";

export const MAP_COLOURS = {
  hazard: { open: "#D55E00", partial: "#CC79A7", released: "#009E73" } satisfies Record<HazardStatus, string>,
  // Land a failed post-clearance inspection reopened: an open hazard's colour, drawn over the release it took back.
  method: { CANCELLED: "#56B4E9", REDUCED: "#E69F00", CLEARED: "#0072B2", REOPENED: "#D55E00" },
  submitted: "#000000",
  // Okabe–Ito's yellow, outlined in black: the one colour no layer beneath uses (blue was cleared land's).
  drawn: { fill: "#F0E442", outline: "#000000" },
} as const;

/** A hazardous area's map status from its released share. */
export function hazardStatus(areaM2: number, releasedM2: number): HazardStatus {
  if (releasedM2 <= 0) return "open";
  return releasedM2 >= areaM2 * 0.9999 ? "released" : "partial";
}
