import fc from 'fast-check';
import { serializeAppend } from '../port/validation.js';
import { canonicalJson, canonicalStringify } from './canonical-json.js';
import { chainOf, chainOfCanonicalText } from './event-chain.js';

/** What the writer hashed before: the stored text parsed and re-encoded canonically. */
const reencoded = (value: unknown): string | undefined => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : canonicalJson(JSON.parse(text));
};

class Money {
  constructor(readonly yuan: number) {}
}

describe('canonical text: what an append stores and the writer hashes as it is', () => {
  it('equals JSON.stringify parsed and re-encoded canonically, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalStringify(value)).toBe(reencoded(value));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps JSON.stringify’s rules for what is not plain JSON', () => {
    const at = new Date('2026-12-31T16:00:00Z');
    const values: unknown[] = [
      { b: 1, a: { d: [3, undefined, () => 1], c: at }, gone: undefined, f: () => 1 },
      { z: Buffer.from('ab'), y: new Money(5), x: Object.assign(Object.create(null), { q: 1, p: 2 }) },
      { n: -0, big: 1e21, small: 1e-7, s: 'é\u2028"\\\u0001', u: '\ud800' },
      { toJSON: () => ({ b: 2, a: 1, toJSON: () => 'not called' }) },
      { toJSON: () => at },
      [undefined, Symbol('s'), { k: Symbol('s') }],
      Object.assign(new Number(3), { ignored: true }),
      undefined,
    ];
    for (const value of values) expect(canonicalStringify(value)).toBe(reencoded(value));
  });

  it('walks deep values and reports a cycle as JSON.stringify does', () => {
    let deep: unknown = { leaf: true, a: 0 };
    for (let i = 0; i < 700; i++) deep = { z: i, next: deep };
    expect(canonicalStringify(deep)).toBe(reencoded(deep));
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalStringify(loop)).toThrow(/circular/i);
    expect(() => canonicalStringify({ n: 1n })).toThrow(TypeError);
  });

  it('chains a serialized event exactly as its parsed fields chain (chainOf, the canonical array)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.option(fc.jsonValue(), { nil: undefined }),
        fc.string(),
        fc.nat(),
        fc.option(fc.nat(), { nil: null }),
        (data, metadata, streamName, revision, position) => {
          const [event] = serializeAppend([{ type: 'case.Received', data, metadata }]).events;
          const at = { streamName, streamRevision: revision };
          const previous = revision === 0 ? null : Buffer.alloc(32, revision % 256);
          const created = position === null ? null : 1_796_000_000_000 + position;
          const verified = (stored: { data: string; metadata: string | null }): string =>
            chainOf(previous, {
              ...at,
              id: event.id,
              type: event.type,
              data: JSON.parse(stored.data) as unknown,
              metadata: stored.metadata === null ? null : (JSON.parse(stored.metadata) as unknown),
              created,
              position,
            }).toString('hex');
          const parsed = verified(event);
          expect(chainOfCanonicalText(previous, at, event, created, position).toString('hex')).toBe(parsed);
          // Text in another form (stored before appends were canonical: spaced, keys in any order) verifies the same.
          expect(verified({ ...event, data: JSON.stringify(JSON.parse(event.data), null, 1) })).toBe(parsed);
        },
      ),
      { numRuns: 300 },
    );
  });
});
