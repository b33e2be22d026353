import { createHash } from 'node:crypto';

/** A fixed namespace so every instance derives the same ids. */
const NAMESPACE = 'one-window/timers/v1';

/**
 * The generator's ids (a SHA-1 in the version 5 layout, the scheduler's derivation before
 * `nameUuid`): kept as they were so generated logs, and the benches' logs kept under /tmp, stay
 * the same run after run. Test data only; production ids come from `nameUuid` (ADR 0010).
 */
export function generatedUuid(...parts: readonly string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update('\u0000').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The ids `0, 1, 2, …` of one series (a case's events, its commands): one SHA-1 for the series,
 * then the index folded into its last 32 bits — a million events cost a million string joins, not
 * a million hashes. Version and variant bits stay those of `generatedUuid`.
 */
export function generatedUuidSeries(...parts: readonly string[]): (index: number) => string {
  const base = generatedUuid(...parts);
  const prefix = base.slice(0, 28);
  const tail = Number.parseInt(base.slice(28), 16);
  return (index) => prefix + ((tail ^ index) >>> 0).toString(16).padStart(8, '0');
}
