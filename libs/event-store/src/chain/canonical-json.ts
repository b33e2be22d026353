/**
 * RFC 8785 (JSON Canonicalization Scheme) for JSON values: object keys sorted by UTF-16 code
 * units, numbers in ECMAScript form, strings as JSON.stringify escapes them. Two encodings of the
 * same JSON value give the same text, so a chain survives a re-encoding. A value about to be
 * stored may still hold `undefined`: it is canonicalised as JSON.stringify would store it — a field
 * left out, an array element as null — so it hashes the same before it is stored and after it is read.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, as RFC 8785 section 3.2.3 asks.
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const field = record[key];
    if (field === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `${out}}`;
}
