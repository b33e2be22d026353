import { createHash } from 'node:crypto';

/**
 * The case id a receipt got before ids were RFC 9562 version 5 (`nameUuid`, ADR 0010): a
 * SHA-256 in the version 8 layout. Kept only so a receipt first sent before the change and
 * retried after it finds its case instead of opening a second one.
 */
export function legacyCaseId(commandId: string): string {
  const hex = createHash('sha256').update(['case', commandId].join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
