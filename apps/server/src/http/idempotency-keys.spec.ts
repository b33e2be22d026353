import { ProblemError } from '../problem/problem-details.js';
import { IdempotencyKeys } from './idempotency-keys.js';

const problemOf = async (run: Promise<unknown>) => {
  try {
    await run;
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('IdempotencyKeys (IETF Idempotency-Key draft §2.7)', () => {
  it('a second request while the first with its key is in flight answers 409; after it answered, a replay runs', async () => {
    const keys = new IdempotencyKeys();
    let release!: () => void;
    const first = keys.run(
      { commandId: 'c1', fingerprint: 'f' },
      () => new Promise<string>((r) => (release = () => r('first'))),
    );
    const refusal = await problemOf(keys.run({ commandId: 'c1', fingerprint: 'f' }, async () => 'second'));
    expect(refusal).toMatchObject({ type: '/problems/idempotency-key-in-flight', status: 409 });
    release();
    expect(await first).toBe('first');
    expect(await keys.run({ commandId: 'c1', fingerprint: 'f' }, async () => 'replay')).toBe('replay');
  });

  it('a key reused with another fingerprint answers 422 without running', async () => {
    const keys = new IdempotencyKeys();
    await keys.run({ commandId: 'c1', fingerprint: 'f1' }, async () => 'first');
    let ran = false;
    const refusal = await problemOf(
      keys.run({ commandId: 'c1', fingerprint: 'f2' }, async () => {
        ran = true;
      }),
    );
    expect(refusal).toMatchObject({ type: '/problems/idempotency-key-mismatch', status: 422 });
    expect(ran).toBe(false);
  });

  it('a request that failed leaves its key free for the faithful retry; requests without a key are never held', async () => {
    const keys = new IdempotencyKeys();
    await expect(
      keys.run({ commandId: 'c1', fingerprint: 'f1' }, () => Promise.reject(new Error('disk'))),
    ).rejects.toThrow('disk');
    expect(await keys.run({ commandId: 'c1', fingerprint: 'f2' }, async () => 'other')).toBe('other');
    const slow = keys.run({ commandId: 'c2' }, () => new Promise((r) => setTimeout(r, 5)));
    expect(await keys.run({ commandId: 'c2' }, async () => 'free')).toBe('free');
    await slow;
  });

  it('remembers a bounded number of keys, oldest forgotten first', async () => {
    const keys = new IdempotencyKeys(2);
    for (const id of ['a', 'b', 'c']) await keys.run({ commandId: id, fingerprint: id }, async () => id);
    expect(await keys.run({ commandId: 'a', fingerprint: 'other' }, async () => 'forgotten')).toBe(
      'forgotten',
    );
    await expect(keys.run({ commandId: 'c', fingerprint: 'other' }, async () => 'x')).rejects.toBeInstanceOf(
      ProblemError,
    );
  });
});
