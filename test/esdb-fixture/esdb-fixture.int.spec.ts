import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  START,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position,
} from '@eventstore/db-client';
import { credentials, Metadata } from '@grpc/grpc-js';
import { EsdbFixtureServer } from './esdb-fixture-server.js';
import { sharedPb, streamsGrpc, streamsPb } from './proto.js';

/**
 * The fixture seen through @eventstore/db-client itself (and, for what the client never asks,
 * a raw gRPC call): each test pins one EventStoreDB behaviour listed in README.md.
 */
describe('EventStoreDB wire fixture', () => {
  let fixture: EsdbFixtureServer;
  let client: EventStoreDBClient;
  const stream = () => `f${randomUUID().replaceAll('-', '')}`;

  beforeEach(async () => {
    fixture = await EsdbFixtureServer.start();
    client = EventStoreDBClient.connectionString(fixture.connectionString);
  });

  afterEach(async () => {
    await client.dispose();
    await fixture.stop();
  });

  it('advertises BatchAppend, so the client appends through it; without it, through Append', async () => {
    await client.appendToStream(stream(), jsonEvent({ type: 't', data: {} }));
    expect(fixture.callCounts()).toMatchObject({ batchAppend: 1, append: 0 });

    const classic = await EsdbFixtureServer.start({ advertiseBatchAppend: false });
    const old = EventStoreDBClient.connectionString(classic.connectionString);
    try {
      await old.appendToStream(stream(), jsonEvent({ type: 't', data: {} }));
      expect(classic.callCounts()).toMatchObject({ batchAppend: 0, append: 1 });
    } finally {
      await old.dispose();
      await classic.stop();
    }
  });

  it('stamps events with `created` in 100-ns ticks since the Unix epoch and equal commit/prepare positions', async () => {
    const name = stream();
    const before = Date.now();
    const result = await client.appendToStream(name, jsonEvent({ type: 't', data: { a: 1 } }));
    const [read] = await collect(client.readStream(name));
    expect(read.event!.created.getTime()).toBeGreaterThanOrEqual(before);
    expect(read.event!.created.getTime()).toBeLessThanOrEqual(Date.now());
    expect(read.event!.position).toEqual(result.position);
    expect(result.position!.commit).toBe(result.position!.prepare);
  });

  it('reads $all backwards from a position exclusively, forwards inclusively', async () => {
    const name = stream();
    await client.appendToStream(
      name,
      [1, 2, 3].map((n) => jsonEvent({ type: 't', data: { n } })),
    );
    const all = (await collect(client.readAll())).filter((e) => e.event!.streamId === name);
    const middle = all[1].event!.position;
    const backwards = await collect(
      client.readAll({ direction: BACKWARDS, fromPosition: middle, maxCount: 10 }),
    );
    expect(backwards[0].event!.id).toBe(all[0].event!.id);
    const forwards = await collect(client.readAll({ fromPosition: middle, maxCount: 1 }));
    expect(forwards[0].event!.id).toBe(all[1].event!.id);
  });

  it('reports a missing stream in both directions', async () => {
    for (const direction of ['forwards', 'backwards'] as const) {
      await expect(
        collect(
          client.readStream(stream(), { direction, fromRevision: direction === 'forwards' ? START : END }),
        ),
      ).rejects.toMatchObject({ type: 'stream-not-found' });
    }
  });

  it('confirms a filtered subscription, checkpoints while catching up and at the end, then says caught up', async () => {
    const name = stream();
    await client.appendToStream(
      name,
      [1, 2, 3, 4].map((n) => jsonEvent({ type: n % 2 ? 'odd' : 'even', data: { n } })),
    );
    const order: string[] = [];
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: eventTypeFilter({
        prefixes: ['odd'],
        maxSearchWindow: 2,
        checkpointInterval: 1,
        checkpointReached: (_, position) => {
          order.push('checkpoint');
          checkpoints.push(position);
        },
      }),
    });
    subscription.on('confirmation', () => order.push('confirmation'));
    const seen: AllStreamResolvedEvent[] = [];
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      seen.push(resolved);
      order.push('event');
    });
    await new Promise<void>((resolve) =>
      subscription.on('caughtUp', () => {
        order.push('caught-up');
        resolve();
      }),
    );
    await subscription.unsubscribe();
    expect(seen.map((e) => e.event!.type)).toEqual(['odd', 'odd']);
    expect(order[0]).toBe('confirmation');
    // Two system events and four client events: a checkpoint after every second one considered, one at the end.
    expect(order.filter((o) => o === 'checkpoint')).toHaveLength(4);
    expect(order.at(-1)).toBe('caught-up');
    expect(checkpoints.at(-1)!.commit).toBeGreaterThanOrEqual(seen[1].event!.position.commit);
  });

  it('subscribes from the end of $all and from an exclusive position, with regex filters', async () => {
    const name = stream();
    await client.appendToStream(
      name,
      [1, 2].map((n) => jsonEvent({ type: 't', data: { n } })),
    );
    const fromEnd = client.subscribeToAll({
      fromPosition: END,
      filter: streamNameFilter({ regex: `^${name}$` }),
    });
    const [first] = await collect(client.readStream(name));
    const fromFirst = client.subscribeToAll({
      fromPosition: first.event!.position!,
      filter: streamNameFilter({ prefixes: [name] }),
    });
    await client.appendToStream(name, jsonEvent({ type: 't', data: { n: 3 } }));
    expect((await take(fromEnd, 1)).map((e) => e.event!.data)).toEqual([{ n: 3 }]);
    expect((await take(fromFirst, 2)).map((e) => e.event!.data)).toEqual([{ n: 2 }, { n: 3 }]);
    await fromEnd.unsubscribe();
    await fromFirst.unsubscribe();
  });

  it('answers a structured-UUID read with structured ids', async () => {
    const name = stream();
    const id = randomUUID();
    await client.appendToStream(name, jsonEvent({ id, type: 't', data: {} }));
    const raw = new streamsGrpc.StreamsClient(`127.0.0.1:${fixture.port}`, credentials.createInsecure());
    const options = new streamsPb.ReadReq.Options()
      .setStream(
        new streamsPb.ReadReq.Options.StreamOptions()
          .setStreamIdentifier(new sharedPb.StreamIdentifier().setStreamName(Buffer.from(name)))
          .setStart(new sharedPb.Empty()),
      )
      .setCount('10')
      .setNoFilter(new sharedPb.Empty())
      .setUuidOption(new streamsPb.ReadReq.Options.UUIDOption().setStructured(new sharedPb.Empty()));
    const responses: InstanceType<typeof streamsPb.ReadResp>[] = [];
    await new Promise<void>((resolve, reject) => {
      const call = raw.read(new streamsPb.ReadReq().setOptions(options), new Metadata());
      call.on('data', (r: InstanceType<typeof streamsPb.ReadResp>) => responses.push(r));
      call.on('end', resolve);
      call.on('error', reject);
    });
    raw.close();
    const structured = responses[0].getEvent()!.getEvent()!.getId()!.getStructured()!;
    const hex = [structured.getMostSignificantBits(), structured.getLeastSignificantBits()]
      .map((bits) => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0'))
      .join('');
    expect(hex).toBe(id.replaceAll('-', ''));
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function take<T>(iterable: AsyncIterable<T>, count: number): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) {
    items.push(item);
    if (items.length === count) break;
  }
  return items;
}
