import { InvalidEventStoreInputError } from './errors.js';
import { MAX_APPEND_BYTES } from './limits.js';
import { checkExpectedRevision, serializeAppend } from './validation.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventStoreInputError);
    return (error as Error).message;
  }
  throw new Error('expected an InvalidEventStoreInputError');
}

describe('append input checks', () => {
  it('serializes data and metadata once, lower-cases ids and generates missing ones', () => {
    const { events, firstIdFromCaller } = serializeAppend([
      { id: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE', type: 't', data: { a: [1, 'x'] }, metadata: { b: null } },
      { type: 't', data: 'text' },
    ]);
    expect(firstIdFromCaller).toBe(true);
    expect(events[0]).toEqual({
      id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      type: 't',
      data: '{"a":[1,"x"]}',
      metadata: '{"b":null}',
    });
    expect(events[1]).toMatchObject({ type: 't', data: '"text"', metadata: null });
    expect(events[1].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(serializeAppend([{ type: 't', data: 1 }]).firstIdFromCaller).toBe(false);
  });

  it('names where a value stops being JSON', () => {
    expect(messageOf(() => serializeAppend([{ type: 't', data: { a: [{ f: () => 1 }] } }]))).toBe(
      'events[0].data: is not JSON-serializable at .a[0].f: a function is not JSON',
    );
    expect(messageOf(() => serializeAppend([{ type: 't', data: {}, metadata: { n: Number.NaN } }]))).toBe(
      'events[0].metadata: is not JSON-serializable at .n: NaN is not JSON',
    );
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(messageOf(() => serializeAppend([{ type: 't', data: loop }]))).toMatch(
      /^events\[0\]\.data: is not JSON-serializable: .*circular/i,
    );
  });

  it('keeps JSON semantics for dates and absent properties', () => {
    const at = new Date('2026-03-02T01:00:00Z');
    const [event] = serializeAppend([{ type: 't', data: { at, gone: undefined } }]).events;
    expect(event.data).toBe('{"at":"2026-03-02T01:00:00.000Z"}');
  });

  it('counts the size limit in UTF-8 bytes over the whole append', () => {
    const half = 'é'.repeat(MAX_APPEND_BYTES / 4); // two bytes each: half the limit per event
    expect(
      messageOf(() =>
        serializeAppend([
          { type: 't', data: half },
          { type: 't', data: half },
        ]),
      ),
    ).toContain(`limit is ${MAX_APPEND_BYTES} bytes`);
    expect(serializeAppend([{ type: 't', data: half.slice(10) }]).events).toHaveLength(1);
  });

  it('accepts the four kinds of expected revision and nothing else', () => {
    for (const ok of ['any', 'no_stream', 'stream_exists', 0, 41]) expect(checkExpectedRevision(ok)).toBe(ok);
    expect(checkExpectedRevision(undefined)).toBe('any');
    expect(messageOf(() => checkExpectedRevision(-1))).toBe(
      'expectedRevision: must be "any", "no_stream", "stream_exists" or a non-negative integer, got -1',
    );
  });
});
