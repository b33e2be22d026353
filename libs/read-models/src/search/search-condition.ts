import { foldAscii, PREFIX_TOP, queryGrams } from './search-keys.js';

/**
 * The WHERE terms of a case search by `q` (ADR 11): a case-number prefix (`case_number_key`) or
 * every bigram of a name (`case_search`), found by their indexes, then rechecked exactly with
 * LIKE on the case row `c`. `key` is the column that holds the case key (`c.k`, `t.k`). A `walk`
 * probes each row of a walk in the list's order instead (`+` keeps a column's index out of the
 * plan when the walk decides the order). Binds its parameters into `params`.
 */
export function caseSearchTerms(
  q: string,
  key: string,
  params: Record<string, unknown>,
  walk = false,
): string[] {
  const grams = queryGrams(q);
  grams.forEach((gram, i) => (params[`gram${i}`] = gram));
  const named = walk
    ? grams
        .map((_, i) => `EXISTS (SELECT 1 FROM case_search s WHERE s.gram = @gram${i} AND s.k = ${key})`)
        .join(' AND ')
    : `${key} IN (${grams.map((_, i) => `SELECT k FROM case_search WHERE gram = @gram${i}`).join(' INTERSECT ')})`;
  const numbered = walk
    ? '(+c.case_number_key >= @qKey AND +c.case_number_key < @qKeyTop)'
    : `${key} IN (SELECT k FROM cases WHERE case_number_key >= @qKey AND case_number_key < @qKeyTop)`;
  const plus = walk ? '+' : '';
  params.qKey = foldAscii(q);
  params.qKeyTop = foldAscii(q) + PREFIX_TOP;
  params.qPrefix = `${escapeLike(q)}%`;
  params.qContains = `%${escapeLike(q)}%`;
  return [
    `(${numbered} OR ${named})`,
    `(${plus}c.case_number LIKE @qPrefix ESCAPE '\\' OR ${plus}c.applicant_name LIKE @qContains ESCAPE '\\')`,
  ];
}

/** A LIKE pattern's literal text: `\`, `%` and `_` escaped (the terms say ESCAPE '\'). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
