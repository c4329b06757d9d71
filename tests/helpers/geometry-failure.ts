import { GeometryError } from "@/lib/geo/errors";
import { rejection } from "@/tests/helpers/rejection";

/** The GeometryError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export const geometryFailure = (p: Promise<unknown>): Promise<GeometryError> =>
  rejection(p, GeometryError, "expected a GeometryError");
