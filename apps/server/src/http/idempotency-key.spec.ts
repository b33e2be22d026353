import { commandIdFor, requestFingerprint } from './idempotency-key.js';

describe('command ids from Idempotency-Key', () => {
  it('are the same for the same user and key, different across users and keys, and UUID-shaped', () => {
    const a = commandIdFor('u1', 'key-1');
    expect(commandIdFor('u1', 'key-1')).toBe(a);
    expect(commandIdFor('u2', 'key-1')).not.toBe(a);
    expect(commandIdFor('u1', 'key-2')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('are fresh without a key', () => {
    expect(commandIdFor('u1', undefined)).not.toBe(commandIdFor('u1', undefined));
  });
});

describe('request fingerprints (Idempotency-Key draft §2.2)', () => {
  it('bind the method, the path without its query, and the body whatever its key order', () => {
    const f = requestFingerprint('POST', '/api/cases/1/accept', { a: 1, b: { c: [1, 2] } });
    expect(requestFingerprint('post', '/api/cases/1/accept?minPosition=3', { b: { c: [1, 2] }, a: 1 })).toBe(
      f,
    );
    expect(requestFingerprint('POST', '/api/cases/2/accept', { a: 1, b: { c: [1, 2] } })).not.toBe(f);
    expect(requestFingerprint('PUT', '/api/cases/1/accept', { a: 1, b: { c: [1, 2] } })).not.toBe(f);
    expect(requestFingerprint('POST', '/api/cases/1/accept', { a: 1, b: { c: [2, 1] } })).not.toBe(f);
    expect(requestFingerprint('POST', '/x', undefined)).toBe(requestFingerprint('POST', '/x', null));
  });

  it('are the ones recorded before the shared RFC 8785 encoder served them (keys by UTF-16 code unit)', () => {
    // The digest of this body as the server computed it with its own encoder until stop 24: a
    // retry of a request recorded then must still match its fingerprint.
    const body = {
      申请人: { name: '张三', idNumber: '150102199001011234' },
      materials: [{ code: 'a', form: 'original' }, null],
      Z: 1.5,
      a: true,
      é: 'x',
      '\u{1F600}': 2,
      B: [],
    };
    expect(requestFingerprint('POST', '/api/cases', body)).toBe(
      'd1_mDc09zxIXAstZueuWVIuIEZ6pjZ8kvjcBTP7l7d0',
    );
  });
});
