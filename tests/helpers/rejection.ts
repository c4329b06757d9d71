/**
 * The error a promise rejects with, of the class expected; fails the test with `missing` if it resolves, and
 * rethrows any other error.
 */
export async function rejection<E>(
  p: Promise<unknown>,
  type: new (...args: never[]) => E,
  missing: string,
): Promise<E> {
  try {
    await p;
  } catch (err) {
    if (err instanceof type) return err;
    throw err;
  }
  throw new Error(missing);
}
