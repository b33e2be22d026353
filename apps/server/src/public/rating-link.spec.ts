import { RatingLinkKeys, chinaDay, dayNumberToDate } from './rating-link.js';

const SECRET = 'a'.repeat(32);
const caseId = '3f0c6f0e-8f1a-5b2c-9d3e-4a5b6c7d8e9f';
const now = new Date('2026-03-02T02:00:00Z');

describe('rating link tokens', () => {
  it('open to the case id until the last day (China time), and do not show the id', () => {
    const keys = new RatingLinkKeys([SECRET]);
    const untilDay = chinaDay(now) + 90;
    const token = keys.seal({ caseId, untilDay });
    expect(token).toMatch(/^[A-Za-z0-9_-]{66}$/);
    expect(token).not.toContain(caseId.replaceAll('-', '').slice(0, 8));
    expect(Buffer.from(token, 'base64url').toString('hex')).not.toContain(caseId.replaceAll('-', ''));
    expect(keys.open(token, now)).toEqual({ caseId, untilDay });
    expect(dayNumberToDate(untilDay)).toBe('2026-05-31');
    // The last day is valid up to its China midnight.
    expect(keys.open(token, new Date('2026-05-31T15:59:59Z'))).toBeDefined();
    expect(keys.open(token, new Date('2026-05-31T16:00:00Z'))).toBeUndefined();
  });

  it('refuse a changed byte, another server secret and garbage; open with a previous secret', () => {
    const token = new RatingLinkKeys([SECRET]).seal({ caseId, untilDay: chinaDay(now) + 1 });
    const keys = new RatingLinkKeys([SECRET]);
    const raw = Buffer.from(token, 'base64url');
    for (const i of [0, 5, 20, 40]) {
      const changed = Buffer.from(raw);
      changed[i] ^= 1;
      expect(keys.open(changed.toString('base64url'), now)).toBeUndefined();
    }
    expect(new RatingLinkKeys(['b'.repeat(32)]).open(token, now)).toBeUndefined();
    expect(new RatingLinkKeys(['b'.repeat(32), SECRET]).open(token, now)?.caseId).toBe(caseId);
    for (const garbage of ['', 'x', caseId, '!'.repeat(66)]) expect(keys.open(garbage, now)).toBeUndefined();
  });
});
