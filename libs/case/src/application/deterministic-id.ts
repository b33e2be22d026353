import { createHash } from 'node:crypto';

/**
 * A UUID (RFC 9562 version 8 layout) derived from its parts: the same command always yields the
 * same case id and the same event ids, so a retried command after a crash is recognised by the
 * store's idempotent append as well as by the command id in the metadata.
 */
export function deterministicUuid(...parts: readonly (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
