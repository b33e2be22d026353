/** The types a file may have, told by its first bytes (magic numbers), never by its name. */
export type BlobType = 'application/pdf' | 'image/jpeg' | 'image/png';

export const BLOB_TYPES: readonly BlobType[] = ['application/pdf', 'image/jpeg', 'image/png'];

const SIGNATURES: readonly (readonly [BlobType, Buffer])[] = [
  ['application/pdf', Buffer.from('%PDF-', 'latin1')],
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
];

/** The most bytes sniffing ever needs. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map(([, magic]) => magic.length));

export const ACCEPTED_TYPES_EN = 'PDF (%PDF-), JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A)';
export const ACCEPTED_TYPES_ZH =
  '只接受 PDF（以 %PDF- 开头）、JPEG（以 FF D8 FF 开头）、PNG（以 89 50 4E 47 0D 0A 1A 0A 开头）';

/**
 * The type of content that begins with `head`: a type once a signature is complete, `'refused'`
 * once no signature can match, `'undecided'` while `head` is a proper prefix of one (more bytes
 * needed; at the end of the content that is a refusal too).
 */
export function sniff(head: Uint8Array): BlobType | 'refused' | 'undecided' {
  let undecided = false;
  for (const [type, magic] of SIGNATURES) {
    const n = Math.min(head.length, magic.length);
    if (!magic.subarray(0, n).equals(head.subarray(0, n))) continue;
    if (head.length >= magic.length) return type;
    undecided = true;
  }
  return undecided ? 'undecided' : 'refused';
}
