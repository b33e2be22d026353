/**
 * Keys the search indexes hold. SQLite's LIKE ignores case for ASCII letters only, so every key
 * folds ASCII letters alone (not `toLowerCase`, which would also fold other scripts and answer
 * differently from LIKE).
 */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * The grams of a name kept in `case_search`: each character and each pair of neighbours, once.
 * A two-character Chinese name (王伟) is one bigram; one character finds every name holding it.
 */
export function nameGrams(name: string): string[] {
  const chars = Array.from(foldAscii(name));
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/**
 * The grams a query must all match (a superset of the names containing it; the caller checks
 * the name itself): the single character, or the query's distinct bigrams (at most `max`).
 */
export function queryGrams(query: string, max = 4): string[] {
  const chars = Array.from(foldAscii(query));
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length && grams.size < max; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/** The highest code point: `key >= p AND key < p || TOP` is "key starts with p". */
export const PREFIX_TOP = '\u{10FFFF}';

/** An ID number read backwards, upper case: "ends with" becomes a prefix range on an index. */
export function reversedIdNumber(idNumber: string): string {
  return Array.from(idNumber.trim().toUpperCase()).reverse().join('');
}
