/**
 * The error of class `kind` that `run` throws, for a spec to read its fields; any other error is
 * thrown on, and a `run` that returns fails the test.
 */
export function thrown<E extends Error>(run: () => unknown, kind: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected ${kind.name} to be thrown`);
}
