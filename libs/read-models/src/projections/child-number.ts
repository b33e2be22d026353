/**
 * The `n` of a task id `<caseId>.t<n>` or an obligation id `<caseId>.o<n>` (the case engine's
 * format). Read with string search rather than the engine's parser: this runs for most events of
 * a rebuild. -1 for an id of another shape.
 */
export function childNumber(id: string, kind: 't' | 'o'): number {
  const at = id.lastIndexOf(`.${kind}`);
  if (at < 0) return -1;
  const n = Number(id.slice(at + 2));
  return Number.isSafeInteger(n) && n > 0 ? n : -1;
}
