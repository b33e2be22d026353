/**
 * Name-based ids (RFC 9562 version 5): the same parts always give the same id, so every
 * instance, before and after a restart, names a retried command's case, events and timers
 * alike, and the store's and the case's idempotency recognise them.
 *
 * Computed here with one SHA-1 over the namespace's bytes and the name's UTF-8 (the `uuid`
 * package's `v5` gives the same ids, checked in name-uuid.spec.ts, but converts the name
 * byte by byte in JavaScript: it was ~4% of the case engine's CPU on the write path).
 */
import { createHash } from 'node:crypto';
import { v5 } from 'uuid';

/** The namespace of every One Window name-based id (a v5 of the project's name in the URL namespace). */
export const ONE_WINDOW_NAMESPACE = v5('https://one-window.invalid/ids', v5.URL);

const NAMESPACE_BYTES = Buffer.from(ONE_WINDOW_NAMESPACE.replace(/-/g, ''), 'hex');

/** A version 5 UUID of `kind` and its parts (joined with NUL, so parts never run into each other). */
export function nameUuid(kind: string, ...parts: readonly (string | number)[]): string {
  const name = parts.length === 0 ? kind : `${kind}\u0000${parts.join('\u0000')}`;
  const hex = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest('hex');
  // Version 5 in the high nibble of byte 6, the RFC variant (10xx) in byte 8.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
