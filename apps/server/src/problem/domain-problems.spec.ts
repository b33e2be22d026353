import { pointer } from './domain-problems.js';

describe("the engine's field paths as JSON Pointers (RFC 6901)", () => {
  it('turn indexes into reference tokens: materials[0].code is #/materials/0/code', () => {
    expect(pointer('materials[0].code')).toBe('#/materials/0/code');
    expect(pointer('missing[12].code')).toBe('#/missing/12/code');
    expect(pointer('applicant.idNumber')).toBe('#/applicant/idNumber');
    expect(pointer('supplyBy')).toBe('#/supplyBy');
  });

  it('escape ~ and / inside a token (§3)', () => {
    expect(pointer('a/b.c~d')).toBe('#/a~1b/c~0d');
  });
});
