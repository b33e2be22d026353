/** Streams.Read: stream and $all reads in both directions, and $all subscriptions (README.md §Read). */
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { filterOf } from './event-filter.js';
import type { FixtureContext } from './fixture-context.js';
import type { LogRecord } from './in-memory-log.js';
import { eventResponse, serviceError, streamIdentifier, streamNameOf } from './messages.js';
import { streamsPb, type ReadReq, type ReadResp } from './proto.js';
import { ResponseSink } from './response-sink.js';
import { subscribeToAll, type SubscriptionStart } from './subscription.js';

type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
const Options = streamsPb.ReadReq.Options;

export function readHandler(context: FixtureContext) {
  return (call: ServerWritableStream<ReadReq, ReadResp>): void => {
    context.called('read');
    const sink = new ResponseSink(call);
    serve(context, call.request, sink).then(
      () => sink.end(),
      (error: Error) => {
        if (!sink.isClosed) call.emit('error', error);
      },
    );
  };
}

async function serve(context: FixtureContext, request: ReadReq, sink: ResponseSink): Promise<void> {
  const options = request.getOptions();
  if (!options) throw serviceError(status.INVALID_ARGUMENT, 'read options are required');
  const structuredIds =
    options.getUuidOption()?.getContentCase() === Options.UUIDOption.ContentCase.STRUCTURED;
  const filter = filterOf(options);
  const onAll = options.getStreamOptionCase() === Options.StreamOptionCase.ALL;
  if (options.getCountOptionCase() === Options.CountOptionCase.SUBSCRIPTION) {
    if (!onAll) throw serviceError(status.UNIMPLEMENTED, 'the fixture serves subscriptions to $all only');
    return subscribeToAll(context, sink, { start: allSubscriptionStart(options), filter, structuredIds });
  }
  const count = Number(options.getCount());
  const backwards = options.getReadDirection() === Options.ReadDirection.BACKWARDS;
  await context.beforeReply();
  const streamName = onAll ? undefined : streamNameOf(options.getStream()?.getStreamIdentifier());
  const stream = streamName === undefined ? undefined : context.log.stream(streamName);
  if (streamName !== undefined && !stream?.length) {
    const notFound = new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(
      streamIdentifier(streamName),
    );
    await sink.write(new streamsPb.ReadResp().setStreamNotFound(notFound));
    return;
  }
  const records = stream ? readStream(stream, options, backwards) : readAll(context, options, backwards);
  let sent = 0;
  for (const record of records) {
    if (sent >= count) break;
    if (filter && !filter.matches(record)) continue;
    if (!(await sink.write(eventResponse(record, structuredIds)))) return;
    sent += 1;
  }
}

function* readStream(
  records: readonly LogRecord[],
  options: ReadOptions,
  backwards: boolean,
): Generator<LogRecord> {
  const stream = options.getStream()!;
  const Case = Options.StreamOptions.RevisionOptionCase;
  const last = records.length - 1;
  const from = (() => {
    switch (stream.getRevisionOptionCase()) {
      case Case.START:
        return 0;
      case Case.END:
        return backwards ? last : records.length;
      case Case.REVISION:
        // Backwards from beyond the end starts at the last event, as EventStoreDB's index reader clamps it.
        return backwards ? Math.min(Number(stream.getRevision()), last) : Number(stream.getRevision());
      case Case.REVISION_OPTION_NOT_SET:
        throw serviceError(status.INVALID_ARGUMENT, 'a stream read needs a revision option');
    }
  })();
  if (backwards) for (let i = from; i >= 0; i--) yield records[i];
  else for (let i = from; i < records.length; i++) yield records[i];
}

function* readAll(context: FixtureContext, options: ReadOptions, backwards: boolean): Generator<LogRecord> {
  const all = options.getAll()!;
  const log = context.log;
  const Case = Options.AllOptions.AllOptionCase;
  const from = (() => {
    switch (all.getAllOptionCase()) {
      case Case.START:
        return backwards ? -1 : 0;
      case Case.END:
        return backwards ? log.length - 1 : log.length;
      case Case.POSITION: {
        // Forwards is inclusive of the position, backwards exclusive: EventStoreDB's pre-/post-positions.
        const index = log.indexAtOrAfter(Number(all.getPosition()!.getCommitPosition()));
        return backwards ? index - 1 : index;
      }
      case Case.ALL_OPTION_NOT_SET:
        throw serviceError(status.INVALID_ARGUMENT, 'an $all read needs a position option');
    }
  })();
  if (backwards) for (let i = from; i >= 0; i--) yield log.at(i);
  else for (let i = from; i < log.length; i++) yield log.at(i);
}

function allSubscriptionStart(options: ReadOptions): SubscriptionStart {
  const all = options.getAll()!;
  const Case = Options.AllOptions.AllOptionCase;
  switch (all.getAllOptionCase()) {
    case Case.START:
      return 'start';
    case Case.END:
      return 'end';
    case Case.POSITION:
      return Number(all.getPosition()!.getCommitPosition());
    case Case.ALL_OPTION_NOT_SET:
      throw serviceError(status.INVALID_ARGUMENT, 'an $all subscription needs a position option');
  }
}
