import { hashPassword, passwordProblem, verifyPassword } from './password.js';

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

  it('asks for at least 10 characters', () => {
    expect(passwordProblem('short')).toMatch(/10/);
    expect(passwordProblem('long enough!')).toBeUndefined();
  });
});
