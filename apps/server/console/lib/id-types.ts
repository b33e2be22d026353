import { idNumberProblem } from '../../../../libs/shared/src/id-numbers.js';
import { currentLang, t } from './i18n.js';

/** The ID types a counter offers; the server verifies the GB 11643 / GB 32100 check digit of the first two. */
export const ID_TYPES = ['resident-id', 'uscc', 'passport'];
/** The shape of each checked ID type. */
const ID_PATTERNS: Record<string, string | undefined> = {
  'resident-id': '\\d{17}[\\dX]',
  uscc: '[0-9A-HJ-NPQRTUWXY]{18}',
};

/**
 * Keeps an ID number input's pattern and hint in step with its ID type select, and refuses a number
 * whose check digit is wrong (the server's own check, libs/shared/src/id-numbers.ts) before it is sent.
 */
export function bindIdPattern(type: HTMLSelectElement, number: HTMLInputElement): void {
  const apply = (): void => {
    const pattern = ID_PATTERNS[type.value];
    if (pattern) {
      number.pattern = pattern;
      number.title = t(`idFormat.${type.value}`);
    } else {
      number.removeAttribute('pattern');
      number.removeAttribute('title');
    }
  };
  const verify = (): void => {
    const wrong = number.value ? idNumberProblem(type.value, number.value.trim().toUpperCase()) : null;
    number.setCustomValidity(wrong ? `${t('idNumber')}${wrong[currentLang()]}` : '');
  };
  type.addEventListener('change', () => {
    apply();
    verify();
  });
  number.addEventListener('input', verify);
  apply();
}
