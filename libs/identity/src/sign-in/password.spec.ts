import { createHook } from 'node:async_hooks';
import { hashPassword, passwordProblem, verifyPassword, verifyPasswordOf } from './password.js';

/** How many scrypt jobs `run` started (Node's async resource type of crypto.scrypt). */
async function scryptJobs(run: () => Promise<unknown>): Promise<number> {
  let jobs = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'SCRYPTREQUEST') jobs++;
    },
  }).enable();
  try {
    await run();
  } finally {
    hook.disable();
  }
  return jobs;
}

describe('passwords (scrypt)', () => {
  // A cheap cost factor keeps the unit test fast; the format stores it, verify reads it back.
  const cheap = { N: 1024, r: 8, p: 1 };

  it('verifies the right password only, with a fresh salt per hash', async () => {
    const a = await hashPassword('correct horse battery', cheap);
    const b = await hashPassword('correct horse battery', cheap);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterz', a)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });

  // Counted, not timed: a known name's answer costs one scrypt at the default cost, and so does an
  // unknown one's, against a dummy hash made with the same defaults.
  it('spends one hash on an unknown user as on a known one (defect 4: 5 ms against 254 ms, a username oracle)', async () => {
    const stored = await hashPassword('the right password');
    await verifyPasswordOf('warm-up', undefined);
    expect(await scryptJobs(() => verifyPasswordOf('a guess', stored))).toBe(1);
    expect(await scryptJobs(() => verifyPasswordOf('a guess', undefined))).toBe(1);
    expect(await verifyPasswordOf('the right password', undefined)).toBe(false);
  });

  it('asks for at least 10 characters', () => {
    expect(passwordProblem('short')).toMatch(/10/);
    expect(passwordProblem('long enough!')).toBeUndefined();
  });
});
