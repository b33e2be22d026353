/**
 * RFC 8785 (JSON Canonicalization Scheme) for values that came out of JSON.parse: object keys
 * sorted by UTF-16 code units, numbers in ECMAScript form, strings as JSON.stringify escapes them.
 * Two encodings of the same JSON value give the same text, so a chain survives a re-encoding.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, as RFC 8785 section 3.2.3 asks.
  const keys = Object.keys(record).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out += ',';
    out += `${JSON.stringify(keys[i])}:${canonicalJson(record[keys[i]])}`;
  }
  return `${out}}`;
}
