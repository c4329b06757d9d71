import { GeometryError } from "@/lib/geo/errors";

/** The GeometryError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function geometryFailure(p: Promise<unknown>): Promise<GeometryError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof GeometryError) return err;
    throw err;
  }
  throw new Error("expected a GeometryError");
}
