import { createHash } from 'node:crypto';

/** A fixed namespace so every instance derives the same ids. */
const NAMESPACE = 'one-window/timers/v1';

/**
 * A UUID (version 5 layout, SHA-1) derived from the given parts: every scheduler instance, before
 * and after a restart, sends a timer's command under the same id, so the case handler's
 * idempotency lets exactly one of them write.
 */
export function deterministicUuid(...parts: readonly string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update('\u0000').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
