// What a field officer sees before submitting a land-release report, and what
// the server recomputes on submission: the same function in both places.
import type { Areal } from "@/lib/geo/boolean";
import { MUST_BE_IN_IRAQ } from "@/lib/geo/iraq";
import { mustOverlapHazardArea, type ValidationOptions, type ValidGeometry, validateAreal } from "@/lib/geo/validate";
import { accountRelease, type ReleaseAccount } from "./land-release";

export type ReleasePreview = ValidGeometry & ReleaseAccount;

export type HazardContext = {
  code: string;
  geometry: Areal;
  /** Land approved reports already released in this hazardous area. */
  released: Areal | null;
};

/**
 * Validates a submitted polygon (GeoJSON) against Iraq and its hazardous
 * area, then accounts it: submitted, outside, already released, counted.
 * Throws GeometryError with every problem found.
 */
export function previewRelease(
  input: unknown,
  hazard: HazardContext,
  options: Pick<ValidationOptions, "repair"> = {},
): ReleasePreview {
  const valid = validateAreal(input, {
    ...options,
    mustOverlap: [MUST_BE_IN_IRAQ, mustOverlapHazardArea(hazard.code, hazard.geometry)],
  });
  return {
    ...valid,
    ...accountRelease({ submitted: valid.geometry, hazard: hazard.geometry, released: hazard.released }),
  };
}

/** Validates a hazardous area's polygon as registered by an authority: valid and in Iraq. */
export function validateHazardArea(input: unknown, options: Pick<ValidationOptions, "repair"> = {}): ValidGeometry {
  return validateAreal(input, { ...options, mustOverlap: [MUST_BE_IN_IRAQ] });
}
