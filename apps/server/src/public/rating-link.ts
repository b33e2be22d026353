import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The token of a QR rating link (一事一评, ADR 17): the case id and the link's last day, sealed
 * with AES-256-GCM under a key derived by HMAC-SHA256 from the server's signing secret. GCM's tag
 * signs it (a changed byte is refused) and the cipher hides the case id. Version byte, 12-byte
 * nonce, 16 + 4 bytes sealed, 16-byte tag: 49 bytes, 66 characters of base64url.
 */
const VERSION = 1;
const DAY_MS = 86_400_000;

export interface RatingLinkClaims {
  readonly caseId: string;
  /** The link's last valid day, as a UTC day number (days since 1970-01-01). */
  readonly untilDay: number;
}

export class RatingLinkKeys {
  private readonly keys: readonly Buffer[];

  /** `secrets[0]` seals; every one opens (key rotation, as with AUTH_SECRET_PREVIOUS). */
  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('at least one secret is needed');
    this.keys = secrets.map((s) => createHmac('sha256', s).update('one-window rating link v1').digest());
  }

  seal(claims: RatingLinkClaims): string {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(claims.caseId))
      throw new Error(`a rating link names a case by its UUID, not "${claims.caseId}"`);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[0], nonce);
    cipher.setAAD(Buffer.of(VERSION));
    const body = Buffer.alloc(20);
    Buffer.from(claims.caseId.replaceAll('-', ''), 'hex').copy(body, 0);
    body.writeUInt32BE(claims.untilDay, 16);
    const sealed = Buffer.concat([cipher.update(body), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), nonce, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  /** The claims of a sound token still valid on `now`'s China day; undefined otherwise. */
  open(token: string, now: Date): RatingLinkClaims | undefined {
    if (!/^[A-Za-z0-9_-]{66}$/.test(token)) return undefined;
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== 49 || raw[0] !== VERSION) return undefined;
    for (const key of this.keys) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 13));
        decipher.setAAD(Buffer.of(VERSION));
        decipher.setAuthTag(raw.subarray(33, 49));
        const body = Buffer.concat([decipher.update(raw.subarray(13, 33)), decipher.final()]);
        const hex = body.subarray(0, 16).toString('hex');
        const claims = {
          caseId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
          untilDay: body.readUInt32BE(16),
        };
        return chinaDay(now) <= claims.untilDay ? claims : undefined;
      } catch {
        // Not sealed with this key (or changed): try the next.
      }
    }
    return undefined;
  }
}

/** The UTC day number of an instant's China (UTC+8) date. */
export function chinaDay(now: Date): number {
  return Math.floor((now.getTime() + 8 * 3_600_000) / DAY_MS);
}

export function dayNumberToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
