import fc from 'fast-check';
import { WrongExpectedRevisionError } from '../port/errors.js';
import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedRevision, type RecordedEvent } from '../port/types.js';
import { uniquePrefix, type ContractContext } from './contract-support.js';

/** Modest run counts: the suite also runs over the wire against other adapters. */
const RUNS = { numRuns: 15 };
/** Each property runs 15 histories; over the wire fixture on a loaded 2-core machine that can pass 30 s. */
const PROPERTY_TIMEOUT_MS = 180_000;

type Expectation = 'exact' | 'any' | 'no_stream' | 'stream_exists' | 'too_high' | 'stale';

interface Operation {
  readonly stream: number;
  readonly count: number;
  readonly expect: Expectation;
}

const operation: fc.Arbitrary<Operation> = fc.record({
  stream: fc.integer({ min: 0, max: 2 }),
  count: fc.integer({ min: 1, max: 4 }),
  expect: fc.constantFrom<Expectation>('exact', 'any', 'no_stream', 'stream_exists', 'too_high', 'stale'),
});

/** The expected revision an operation sends, and whether a correct store accepts it. */
function plan(op: Operation, length: number): { expectedRevision: ExpectedRevision; accepted: boolean } {
  const current = length - 1;
  switch (op.expect) {
    case 'exact':
      return { expectedRevision: length === 0 ? NO_STREAM : current, accepted: true };
    case 'any':
      return { expectedRevision: ANY, accepted: true };
    case 'no_stream':
      return { expectedRevision: NO_STREAM, accepted: length === 0 };
    case 'stream_exists':
      return { expectedRevision: STREAM_EXISTS, accepted: length > 0 };
    case 'too_high':
      return { expectedRevision: current + 1, accepted: false };
    case 'stale':
      return { expectedRevision: Math.max(0, current - 1), accepted: current === 0 };
    default: {
      const unreachable: never = op.expect;
      throw new Error(`unknown expectation ${String(unreachable)}`);
    }
  }
}

function expectIncreasingPositions(events: readonly RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) expect(events[i].position).toBeGreaterThan(events[i - 1].position);
}

export function propertiesContract(ctx: ContractContext): void {
  describe('properties (fast-check)', () => {
    it(
      'accepts exactly the appends whose expected revision holds, keeping revisions and positions in order',
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
            const prefix = uniquePrefix();
            const model: string[][] = [[], [], []];
            let lastPosition = -1;
            for (const [step, op] of operations.entries()) {
              const stream = `${prefix}-${op.stream}`;
              const { expectedRevision, accepted } = plan(op, model[op.stream].length);
              const types = Array.from({ length: op.count }, (_, i) => `test.Step${step}.${i}`);
              const attempt = ctx.store.appendToStream(
                stream,
                types.map((type) => ({ type, data: { step } })),
                { expectedRevision },
              );
              if (accepted) {
                const result = await attempt;
                model[op.stream].push(...types);
                expect(result.nextExpectedRevision).toBe(model[op.stream].length - 1);
                expect(result.position).toBeGreaterThan(lastPosition);
                lastPosition = result.position;
              } else {
                const length = model[op.stream].length;
                await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
                await expect(attempt).rejects.toMatchObject({
                  expected: expectedRevision,
                  actual: length === 0 ? NO_STREAM : length - 1,
                });
              }
            }
            for (const [s, types] of model.entries()) {
              if (types.length === 0) {
                await expect(ctx.store.readStream(`${prefix}-${s}`)).rejects.toMatchObject({
                  type: 'stream-not-found',
                });
                continue;
              }
              const events = await ctx.store.readStream(`${prefix}-${s}`);
              expect(events.map((e) => e.type)).toEqual(types);
              expect(events.map((e) => e.streamRevision)).toEqual(types.map((_, i) => i));
              expectIncreasingPositions(events);
            }
            const all = await ctx.store.readAll({ filter: { streamNamePrefixes: [prefix] } });
            expect(all).toHaveLength(model.reduce((n, types) => n + types.length, 0));
            expectIncreasingPositions(all);
            expect(all.at(-1)?.position ?? -1).toBe(lastPosition);
          }),
          RUNS,
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it(
      'keeps every stream gapless and every batch contiguous under concurrent writers',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(
              fc.record({ stream: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 5 }) }),
              {
                minLength: 2,
                maxLength: 15,
              },
            ),
            async (batches) => {
              const prefix = uniquePrefix();
              await Promise.all(
                batches.map((b, batch) =>
                  ctx.store.appendToStream(
                    `${prefix}-${b.stream}`,
                    Array.from({ length: b.count }, (_, part) => ({
                      type: 'test.Part',
                      data: { batch, part },
                    })),
                  ),
                ),
              );
              const all = await ctx.store.readAll({ filter: { streamNamePrefixes: [prefix] } });
              expect(all).toHaveLength(batches.reduce((n, b) => n + b.count, 0));
              expectIncreasingPositions(all);
              const revisions = new Map<string, number>();
              for (let i = 0; i < all.length; i++) {
                const e = all[i];
                expect(e.streamRevision).toBe((revisions.get(e.streamName) ?? -1) + 1);
                revisions.set(e.streamName, e.streamRevision);
                const { batch, part } = e.data as { batch: number; part: number };
                // A batch's events are adjacent in $all, in order.
                if (part > 0) expect(all[i - 1].data).toEqual({ batch, part: part - 1 });
              }
            },
          ),
          RUNS,
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it('reads any window of a stream as the matching slice, forwards and backwards', async () => {
      const stream = `${uniquePrefix()}-window`;
      await ctx.store.appendToStream(
        stream,
        Array.from({ length: 30 }, (_, n) => ({ type: 'test.N', data: { n } })),
      );
      const all = (await ctx.store.readStream(stream)).map((e) => e.streamRevision);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 35 }),
          fc.option(fc.integer({ min: 0, max: 35 }), { nil: undefined }),
          fc.constantFrom('forwards' as const, 'backwards' as const),
          async (fromRevision, maxCount, direction) => {
            const events = await ctx.store.readStream(stream, { fromRevision, maxCount, direction });
            const expected =
              direction === 'forwards'
                ? all.slice(fromRevision, maxCount === undefined ? undefined : fromRevision + maxCount)
                : all
                    .slice(0, fromRevision + 1)
                    .reverse()
                    .slice(0, maxCount);
            expect(events.map((e) => e.streamRevision)).toEqual(expected);
            expect(events.map((e) => (e.data as { n: number }).n)).toEqual(expected);
          },
        ),
        { numRuns: 40 },
      );
    });
  });
}
