import { InvalidEventStoreInputError } from '../port/errors.js';
import type { AppendOptions, EventData, ReadAllOptions, ReadStreamOptions } from '../port/types.js';
import { someEvents, uniquePrefix, type ContractContext } from './contract-support.js';

/** Casts for inputs the types forbid: callers in plain JS (or over HTTP) can still send them. */
const untyped = <T>(value: unknown): T => value as T;

function circular(): unknown {
  const value: { self?: unknown } = {};
  value.self = value;
  return value;
}

async function expectInvalid(attempt: Promise<unknown>, field: string): Promise<void> {
  const error: unknown = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidEventStoreInputError);
  expect(error).toMatchObject({ type: 'invalid-input', field });
  expect((error as Error).message).toContain(field);
}

export function badInputContract(ctx: ContractContext): void {
  describe('bad input', () => {
    it('refuses empty, oversized and non-string stream names', async () => {
      for (const name of ['', 'x'.repeat(1001), untyped<string>(42), untyped<string>(undefined)]) {
        await expectInvalid(ctx.store.appendToStream(name, someEvents(1)), 'streamName');
        await expectInvalid(ctx.store.readStream(name), 'streamName');
      }
    });

    it.each<[string, unknown]>([
      ['a function', () => 1],
      ['a bigint', 10n],
      ['a circular structure', circular()],
      ['undefined', undefined],
      ['a symbol', Symbol('s')],
      ['NaN', Number.NaN],
      ['a nested function', { ok: 1, nested: { f: () => 1 } }],
      ['a nested bigint', { amount: 10n }],
      ['Infinity in an array', [1, Number.POSITIVE_INFINITY]],
      ['a Map, which JSON would store as {}', { lookup: new Map([['a', 1]]) }],
    ])('refuses data that is not JSON: %s', async (_, data) => {
      const stream = `${uniquePrefix()}-a`;
      await expectInvalid(ctx.store.appendToStream(stream, [{ type: 'test.Bad', data }]), 'events[0].data');
      await expect(ctx.store.readStream(stream)).rejects.toMatchObject({ type: 'stream-not-found' });
    });

    it('refuses metadata that is not JSON', async () => {
      const stream = `${uniquePrefix()}-a`;
      const events: EventData[] = [{ type: 'test.Bad', data: {}, metadata: { at: 1n } }];
      await expectInvalid(ctx.store.appendToStream(stream, events), 'events[0].metadata');
    });

    it('writes nothing when one event of a batch is bad', async () => {
      const stream = `${uniquePrefix()}-a`;
      await ctx.store.appendToStream(stream, someEvents(1));
      const batch: EventData[] = [...someEvents(2), { type: 'test.Bad', data: { f: () => 1 } }];
      await expectInvalid(ctx.store.appendToStream(stream, batch, { expectedRevision: 0 }), 'events[2].data');
      expect(await ctx.store.readStream(stream)).toHaveLength(1);
    });

    it('refuses an append over the size limit (1 MiB), writing nothing', async () => {
      const stream = `${uniquePrefix()}-a`;
      const big = 'x'.repeat(600 * 1024);
      await expectInvalid(
        ctx.store.appendToStream(stream, [
          { type: 'test.Big', data: { big } },
          { type: 'test.Big', data: { big } },
        ]),
        'events',
      );
      await expect(ctx.store.readStream(stream)).rejects.toMatchObject({ type: 'stream-not-found' });
    });

    it('refuses an empty or missing list of events', async () => {
      const stream = `${uniquePrefix()}-a`;
      await expectInvalid(ctx.store.appendToStream(stream, []), 'events');
      await expectInvalid(ctx.store.appendToStream(stream, untyped<EventData[]>(undefined)), 'events');
      await expectInvalid(ctx.store.appendToStream(stream, untyped<EventData[]>([null])), 'events[0]');
    });

    it('refuses ids that are not UUIDs and types that are empty', async () => {
      const stream = `${uniquePrefix()}-a`;
      for (const id of ['not-a-uuid', '', '123e4567-e89b-12d3-a456-42661417400', untyped<string>(7)]) {
        await expectInvalid(
          ctx.store.appendToStream(stream, [{ id, type: 'test.Bad', data: {} }]),
          'events[0].id',
        );
      }
      for (const type of ['', untyped<string>(undefined), untyped<string>({})]) {
        await expectInvalid(ctx.store.appendToStream(stream, [{ type, data: {} }]), 'events[0].type');
      }
    });

    it('refuses expected revisions that are negative, fractional or unknown words', async () => {
      const stream = `${uniquePrefix()}-a`;
      for (const expectedRevision of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 'latest', '3', null]) {
        const options = untyped<AppendOptions>({ expectedRevision });
        await expectInvalid(ctx.store.appendToStream(stream, someEvents(1), options), 'expectedRevision');
      }
      await expect(ctx.store.readStream(stream)).rejects.toMatchObject({ type: 'stream-not-found' });
    });

    it('refuses bad read options', async () => {
      const stream = `${uniquePrefix()}-a`;
      await ctx.store.appendToStream(stream, someEvents(1));
      const bad: [ReadStreamOptions, string][] = [
        [{ fromRevision: -1 }, 'fromRevision'],
        [{ fromRevision: 0.5 }, 'fromRevision'],
        [untyped<ReadStreamOptions>({ fromRevision: 'middle' }), 'fromRevision'],
        [{ maxCount: -1 }, 'maxCount'],
        [{ maxCount: 2.5 }, 'maxCount'],
        [untyped<ReadStreamOptions>({ direction: 'sideways' }), 'direction'],
      ];
      for (const [options, field] of bad) await expectInvalid(ctx.store.readStream(stream, options), field);

      const badAll: [ReadAllOptions, string][] = [
        [{ fromPosition: -1 }, 'fromPosition'],
        [{ fromPosition: 1.5 }, 'fromPosition'],
        [{ maxCount: -3 }, 'maxCount'],
        [untyped<ReadAllOptions>({ filter: {} }), 'filter'],
        [
          untyped<ReadAllOptions>({ filter: { streamNamePrefixes: ['a'], eventTypePrefixes: ['b'] } }),
          'filter',
        ],
        [{ filter: { streamNamePrefixes: [] } }, 'filter.streamNamePrefixes'],
        [{ filter: { eventTypePrefixes: [''] } }, 'filter.eventTypePrefixes'],
      ];
      for (const [options, field] of badAll) await expectInvalid(ctx.store.readAll(options), field);
    });

    it('refuses bad subscription options at once', () => {
      const attempts: [() => unknown, string][] = [
        [() => ctx.store.subscribeToAll({ fromPosition: -1 }), 'fromPosition'],
        [() => ctx.store.subscribeToAll({ filter: { eventTypePrefixes: [] } }), 'filter.eventTypePrefixes'],
      ];
      for (const [attempt, field] of attempts) {
        expect(attempt).toThrow(InvalidEventStoreInputError);
        expect(attempt).toThrow(field);
      }
    });
  });
}
