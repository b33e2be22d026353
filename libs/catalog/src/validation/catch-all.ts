/**
 * Art. 11(1): materials may not be vague catch-alls ("其他", "有关…材料"). We reject the words
 * that make a material open-ended, in Chinese and in English, and codes built from them.
 */
const CATCH_ALL_NAME = /其[他它]|有关|相关|等(材料|证明|文件|资料)|^(材料|证明|文件|资料)$/;
const CATCH_ALL_WORD = /\b(other|others|related|misc|miscellaneous|etc)\b/i;
const CATCH_ALL_CODE = /(^|[-_])(other|others|related|misc|etc|qita|youguan|xiangguan)([-_]|$)/i;

export function isCatchAllName(name: string): boolean {
  return CATCH_ALL_NAME.test(name) || CATCH_ALL_WORD.test(name);
}

export function isCatchAllCode(code: string): boolean {
  return CATCH_ALL_CODE.test(code);
}

/** Art. 11(3): table-type materials (表格类材料) need a blank electronic form and a filled-in sample. */
export function isFormName(name: unknown): boolean {
  return typeof name === 'string' && /(表|申请书|承诺书)$/.test(name.trim());
}
