/**
 * The query code (查询码) printed on the acceptance notice: with the case number it lets the
 * applicant follow the case without signing in (issue 13, ADR 16 addendum). Six characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), drawn at acceptance from an injected random source
 * and stored in the acceptance event, so the log is the one truth of it.
 */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 6;

/** Draws an integer in [0, n): `crypto.randomInt` in the server, a seeded sequence in tests. */
export type RandomIndex = (n: number) => number;

export function drawQueryCode(random: RandomIndex): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += QUERY_CODE_ALPHABET[random(QUERY_CODE_ALPHABET.length)];
  return code;
}

/** As the applicant may type it: case, spaces and dashes do not matter. */
export function normalizeQueryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
