import {
  idNumberProblem,
  isCheckedIdNumber,
  isResidentIdNumber,
  isUnifiedSocialCreditCode,
  residentIdCheckDigit,
  usccCheckCharacter,
} from './id-numbers.js';

describe('GB 11643-1999 resident identity numbers', () => {
  it('accept the standard’s own example and a number whose check digit is X', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('150102199001011230')).toBe(true);
  });
  it('refuse a wrong check digit, a short number, a lower-case x and an impossible birth date', () => {
    expect(isResidentIdNumber('150102199001011234')).toBe(false);
    expect(isResidentIdNumber('123')).toBe(false);
    expect(isResidentIdNumber('11010519491231002x')).toBe(false);
    const feb30 = `15010219900230123`;
    expect(isResidentIdNumber(feb30 + residentIdCheckDigit(feb30))).toBe(false);
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
    expect(isUnifiedSocialCreditCode('91150102MA00000004')).toBe(true);
    expect(isUnifiedSocialCreditCode('91150102MA0000002A')).toBe(true);
  });
  it('refuse a wrong check character, letters outside the set (I O S V Z) and a wrong length', () => {
    expect(isUnifiedSocialCreditCode('91150102MA0000000X')).toBe(false);
    expect(isUnifiedSocialCreditCode('91150102MA0000000I')).toBe(false);
    expect(isUnifiedSocialCreditCode('91150102MA000000')).toBe(false);
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
    expect(isCheckedIdNumber('11010519491231002X')).toBe(true);
    expect(isCheckedIdNumber('11010519491231002x')).toBe(true);
    expect(isCheckedIdNumber('91150102MA00000017')).toBe(true);
    expect(isCheckedIdNumber('110105194912310021')).toBe(false);
    expect(isCheckedIdNumber('91150102MA00000018')).toBe(false);
    expect(isCheckedIdNumber('E12345678')).toBe(true);
  });
});
