import {
  idNumberProblem,
  isCheckedIdNumber,
  isResidentIdNumber,
  isUnifiedSocialCreditCode,
  residentIdCheckDigit,
  usccCheckCharacter,
} from './id-numbers.js';

/** The numbers `check` does not answer `expected` for: [] when it judges each right, else it names them. */
const misjudged = (check: (n: string) => boolean, expected: boolean, numbers: readonly string[]) =>
  numbers.filter((n) => check(n) !== expected);

describe('GB 11643-1999 resident identity numbers', () => {
  it('accept the standard’s own example and a number whose check digit is X', () => {
    expect(misjudged(isResidentIdNumber, true, ['11010519491231002X', '150102199001011230'])).toEqual([]);
  });
  it('refuse a wrong check digit, a short number, a lower-case x and an impossible birth date', () => {
    const feb30 = `15010219900230123`;
    expect(
      misjudged(isResidentIdNumber, false, [
        '150102199001011234',
        '123',
        '11010519491231002x',
        feb30 + residentIdCheckDigit(feb30),
      ]),
    ).toEqual([]);
  });
  it('every single-digit typo is caught by the check digit', () => {
    const good = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      const typo = good.slice(0, i) + String((Number(good[i]) + 1) % 10) + good.slice(i + 1);
      expect(isResidentIdNumber(typo)).toBe(false);
    }
  });
});

describe('GB 32100-2015 unified social credit codes', () => {
  it('accept a code with the right check character', () => {
    expect(usccCheckCharacter('91150102MA0000000')).toBe('4');
    expect(misjudged(isUnifiedSocialCreditCode, true, ['91150102MA00000004', '91150102MA0000002A'])).toEqual(
      [],
    );
  });
  it('refuse a wrong check character, letters outside the set (I O S V Z) and a wrong length', () => {
    expect(
      misjudged(isUnifiedSocialCreditCode, false, [
        '91150102MA0000000X',
        '91150102MA0000000I',
        '91150102MA000000',
      ]),
    ).toEqual([]);
  });
});

describe('idNumberProblem', () => {
  it('checks resident IDs and credit codes by their type, in both languages, and leaves other types alone', () => {
    expect(idNumberProblem('resident-id', '123')).toMatchObject({
      zh: expect.stringContaining('居民身份证'),
    });
    expect(idNumberProblem('uscc', '91150102MA0000000X')).toMatchObject({
      en: expect.stringContaining('GB 32100'),
    });
    expect(idNumberProblem('resident-id', '11010519491231002X')).toBeNull();
    expect(idNumberProblem('passport', 'E12345678')).toBeNull();
  });
});

describe('isCheckedIdNumber (a number without its type: bookings)', () => {
  it('passes an 18-character number sound as either kind, refuses one sound as neither, leaves other lengths alone', () => {
    expect(
      misjudged(isCheckedIdNumber, true, [
        '11010519491231002X',
        '11010519491231002x',
        '91150102MA00000017',
        'E12345678',
      ]),
    ).toEqual([]);
    expect(misjudged(isCheckedIdNumber, false, ['110105194912310021', '91150102MA00000018'])).toEqual([]);
  });
});
