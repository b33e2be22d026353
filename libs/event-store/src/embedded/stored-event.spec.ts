import { toRecordedEvent, toRecordedEventOnDemand, type StoredEvent } from './stored-event.js';

const row = (data: string, metadata: string | null, chain: Uint8Array | null): StoredEvent => [
  7,
  'case-1',
  2,
  '0b6c1f0e-5d7a-4c1e-9a43-2f4b7f3f9e11',
  'case.Accepted',
  data,
  metadata,
  Date.parse('2026-12-04T02:00:00Z'),
  chain,
];

describe('an event delivered with its data parsed on demand', () => {
  const rows = [
    row('{"b":[1,{"c":"受理"}],"a":null}', '{"actor":{"id":"clerk1"}}', new Uint8Array(32).fill(9)),
    row('"text"', null, null),
    row('0', '{}', new Uint8Array(32)),
  ];

  it.each(rows.map((r, i) => [i, r] as const))(
    'row %i: equals the event parsed at once, field by field, keys in order',
    (_, r) => {
      const eager = toRecordedEvent(r);
      const lazy = toRecordedEventOnDemand(r);
      expect(lazy).toEqual(eager);
      expect(Object.keys(lazy)).toEqual(Object.keys(eager));
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
      expect({ ...lazy }).toEqual({ ...eager });
      expect(structuredClone(lazy)).toEqual(structuredClone(eager));
    },
  );

  it('parses each field once: two reads give the same value', () => {
    const lazy = toRecordedEventOnDemand(rows[0]);
    expect(lazy.data).toBe(lazy.data);
    expect(lazy.metadata).toBe(lazy.metadata);
    expect(lazy.metadata).toEqual({ actor: { id: 'clerk1' } });
  });

  it('a subscriber that never reads the data never parses it', () => {
    const broken = row('{not json', null, null);
    const lazy = toRecordedEventOnDemand(broken);
    expect([lazy.streamName, lazy.streamRevision, lazy.position, lazy.type]).toEqual([
      'case-1',
      2,
      7,
      'case.Accepted',
    ]);
    expect(() => lazy.data).toThrow(SyntaxError);
  });
});
