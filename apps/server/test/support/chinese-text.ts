/**
 * What keeps a text from being Chinese a clerk can read: no Han characters, an English word (three
 * letters or more; PDF, JSON, JPEG and PNG aside), a JSON Pointer (`#/…`), an ISO timestamp. Empty: fine.
 */
export function chineseProblems(text: string): string[] {
  const found: string[] = [];
  if (!/\p{Script=Han}/u.test(text)) found.push(`no Chinese in "${text}"`);
  const words = (text.match(/[A-Za-z]{3,}/g) ?? []).filter(
    (w) => !['PDF', 'JSON', 'JPEG', 'PNG'].includes(w),
  );
  if (words.length) found.push(`English words ${words.join(', ')} in "${text}"`);
  if (text.includes('#/')) found.push(`a field pointer in "${text}"`);
  if (/\d{4}-\d\d-\d\dT/.test(text)) found.push(`an ISO timestamp in "${text}"`);
  return found;
}
