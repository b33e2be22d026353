/**
 * Check digits of the two identity numbers a hall sees most: the resident identity card number
 * (GB 11643-1999, ISO 7064 MOD 11-2) and the unified social credit code (GB 32100-2015, MOD 31).
 * A typo in either is caught at the counter instead of in the back office.
 */

/** ID type codes whose numbers carry a check digit the engine verifies. */
export const RESIDENT_ID = 'resident-id';
export const UNIFIED_SOCIAL_CREDIT_CODE = 'uscc';

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** The 18th character of a resident ID number from its first 17 digits. */
export function residentIdCheckDigit(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * RESIDENT_WEIGHTS[i], 0);
  return RESIDENT_CHECK[sum % 11];
}

const isRealDate = (yyyymmdd: string): boolean => {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** GB 11643-1999: 6-digit address code, birth date YYYYMMDD, 3-digit sequence, check digit (0–9 or X). */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  return isRealDate(value.slice(6, 14)) && residentIdCheckDigit(value.slice(0, 17)) === value[17];
}

/** GB 32100-2015's 31 characters (no I, O, S, V, Z), in the order of their values. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a unified social credit code from its first 17. */
export function usccCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i], 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * GB 32100-2015: registration authority (1 character), organisation type (1), division code (6
 * digits), organisation code (9), check character (1) — all from the 31-character set.
 */
export function isUnifiedSocialCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  return usccCheckCharacter(value.slice(0, 17)) === value[17];
}

/**
 * What is wrong with an ID number of a type the engine knows the check digit of, in English and
 * Chinese; null when it is sound or of another type (passports and the like are not checked).
 */
export function idNumberProblem(idType: string, idNumber: string): { en: string; zh: string } | null {
  if (idType === RESIDENT_ID && !isResidentIdNumber(idNumber)) {
    return {
      en: 'is not a valid resident ID number: 18 characters, a real birth date and the GB 11643 check digit',
      zh: '不是有效的居民身份证号码：应为 18 位，出生日期真实，末位校验码符合 GB 11643',
    };
  }
  if (idType === UNIFIED_SOCIAL_CREDIT_CODE && !isUnifiedSocialCreditCode(idNumber)) {
    return {
      en: 'is not a valid unified social credit code: 18 characters and the GB 32100 check character',
      zh: '不是有效的统一社会信用代码：应为 18 位，末位校验码符合 GB 32100',
    };
  }
  return null;
}

/**
 * An ID number given without its type (a booking): an 18-character number must be a sound resident
 * ID number or unified social credit code — an all-digit one may be either, so either check passes
 * it. Other lengths (passports, permits) have no check digit the engine knows and pass.
 */
export function isCheckedIdNumber(value: string): boolean {
  const v = value.toUpperCase();
  return v.length !== 18 || isResidentIdNumber(v) || isUnifiedSocialCreditCode(v);
}
