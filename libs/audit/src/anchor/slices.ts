import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a slice of anchoring work may hold the event loop before it yields. */
const SLICE_MS = 5;

/**
 * Cuts a long computation into slices of about {@link SLICE_MS}: call `step()` once per unit of
 * work and await it; it yields to the event loop (setImmediate) when the slice's time is up. The
 * clock is read every 128 steps only, so a step costs a counter increment.
 */
export class Slices {
  private steps = 0;
  private until = performance.now() + SLICE_MS;

  step(): Promise<void> | undefined {
    if ((++this.steps & 127) !== 0 || performance.now() < this.until) return undefined;
    return nextTurn().then(() => void (this.until = performance.now() + SLICE_MS));
  }
}

/** Sorts `items` by `compare` in slices (a bottom-up merge sort): a million items never hold the loop. */
export async function sortInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  slices: Slices,
): Promise<T[]> {
  const RUN = 512;
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += RUN) {
    runs.push(items.slice(i, i + RUN).sort(compare));
    // A run's sort counts as its length in steps.
    for (let k = 0; k < RUN; k++) {
      const turn = slices.step();
      if (turn !== undefined) await turn;
    }
  }
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let i = 0; i + 1 < runs.length; i += 2)
      next.push(await mergeInSlices(runs[i], runs[i + 1], compare, slices));
    if (runs.length % 2 === 1) next.push(runs[runs.length - 1]);
    runs = next;
  }
  return runs[0] ?? [];
}

/** Merges two sorted arrays (stable: ties keep `a` first), in slices. */
export async function mergeInSlices<T>(
  a: readonly T[],
  b: readonly T[],
  compare: (a: T, b: T) => number,
  slices: Slices,
): Promise<T[]> {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = compare(b[j], a[i]) < 0 ? b[j++] : a[i++];
    const turn = slices.step();
    if (turn !== undefined) await turn;
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
