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

/** How deep the fast walk goes before it hands a subtree to JSON.stringify (which reports cycles). */
const MAX_WALK_DEPTH = 512;

/**
 * The text JSON.stringify(value) would store, in the canonical form above: canonicalJson of
 * JSON.parse(JSON.stringify(value)), without the round trip. An append stores its events so, and
 * the writer hashes the stored text as it is (chainOfCanonicalText) instead of parsing and
 * re-encoding it. Plain objects, arrays and primitives are walked here; anything else (a Date, a
 * Buffer, a class instance, a boxed primitive: what a toJSON or JSON.stringify's own rules turn
 * into something else) and anything deeper than MAX_WALK_DEPTH goes through JSON.stringify, whose
 * errors (a cycle, a bigint) are thrown as they are. `undefined` gives undefined, as JSON.stringify.
 */
export function canonicalStringify(value: unknown): string | undefined {
  return walk(value, '', 0);
}

/** `key` is what JSON.stringify would pass a toJSON: an array's index goes as a number, made a string only then. */
function walk(value: unknown, key: string | number, depth: number, fromToJson = false): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'bigint':
      return JSON.stringify(value); // throws, as JSON.stringify does
    default:
      return undefined; // undefined, a function, a symbol: left out
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (depth > MAX_WALK_DEPTH || (proto !== Object.prototype && proto !== Array.prototype && proto !== null)) {
    // A value that came out of a toJSON is serialised without its own toJSON being called.
    const name = String(key);
    const text = JSON.stringify({ [name]: fromToJson ? { toJSON: () => value } : value });
    const parsed = (JSON.parse(text) as Record<string, unknown>)[name];
    return parsed === undefined ? undefined : canonicalJson(parsed);
  }
  // JSON.stringify calls a value's toJSON once, not the toJSON of what it returns.
  if (!fromToJson && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return walk((value as { toJSON: (key: string) => unknown }).toJSON(String(key)), key, depth + 1, true);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += walk(value[i], i, depth + 1) ?? 'null';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const k of keys) {
    const field = walk(record[k], k, depth + 1);
    if (field === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${field}`;
  }
  return `${out}}`;
}
