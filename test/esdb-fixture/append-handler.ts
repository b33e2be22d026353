/** Streams.Append: client-streaming, options first, then the proposed events (README.md §Append). */
import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { expectedVersionOf, fillSuccess, fillWrongExpectedVersion } from './append-answers.js';
import type { FixtureContext } from './fixture-context.js';
import type { AppendOutcome, ExpectedVersion, ProposedEvent } from './in-memory-log.js';
import { exceptionError, serviceError, streamNameOf, uuidToString } from './messages.js';
import { type sharedPb, streamsPb, type AppendReq, type AppendResp } from './proto.js';

export function appendHandler(context: FixtureContext) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    context.called('append');
    const requests: AppendReq[] = [];
    call.on('data', (request: AppendReq) => requests.push(request));
    call.on('error', () => undefined);
    call.on('end', () => {
      void respond(context, requests).then(
        (response) => callback(null, response),
        (error: Error) => callback(error),
      );
    });
  };
}

async function respond(context: FixtureContext, requests: readonly AppendReq[]): Promise<AppendResp> {
  const [header, ...messages] = requests;
  const options = header?.getOptions();
  if (!options)
    throw serviceError(status.INVALID_ARGUMENT, 'the first append message must carry the options');
  const streamName = streamNameOf(options.getStreamIdentifier());
  const Case = streamsPb.AppendReq.Options.ExpectedStreamRevisionCase;
  const expected = expectedVersionOf(
    options.getExpectedStreamRevisionCase(),
    { revision: Case.REVISION, noStream: Case.NO_STREAM, any: Case.ANY, streamExists: Case.STREAM_EXISTS },
    () => Number(options.getRevision()),
  );
  if (!expected) throw serviceError(status.INVALID_ARGUMENT, 'expected stream revision is required');
  const events = messages.map((message) => {
    const proposed = message.getProposedMessage();
    if (!proposed)
      throw serviceError(status.INVALID_ARGUMENT, 'append messages after the first must be events');
    return proposedEvent(proposed);
  });
  const size = events.reduce((total, event) => total + event.data.length, 0);
  if (size > context.maxAppendSize) {
    throw exceptionError(
      status.INVALID_ARGUMENT,
      'maximum-append-size-exceeded',
      'Maximum Append Size Exceeded',
      {
        'maximum-append-size': String(context.maxAppendSize),
      },
    );
  }
  await context.beforeReply();
  return toResponse(context.log.append(streamName, expected, events), expected);
}

/** EventStoreDB refuses events without `type` or `content-type` metadata. */
export function proposedEvent(message: {
  getId(): InstanceType<typeof sharedPb.UUID> | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  for (const [key, value] of [
    ['type', type],
    ['content-type', contentType],
  ] as const) {
    if (value === undefined) {
      throw exceptionError(
        status.INVALID_ARGUMENT,
        'missing-required-metadata-property',
        `Required metadata property "${key}" is missing`,
        { 'required-metadata-properties': key },
      );
    }
  }
  return {
    id: uuidToString(message.getId()),
    type: type!,
    contentType: contentType!,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function toResponse(outcome: AppendOutcome, expected: ExpectedVersion): AppendResp {
  const response = new streamsPb.AppendResp();
  switch (outcome.kind) {
    case 'written':
    case 'idempotent': {
      const success = new streamsPb.AppendResp.Success();
      fillSuccess(success, outcome, (position) =>
        new streamsPb.AppendResp.Position().setCommitPosition(position).setPreparePosition(position),
      );
      return response.setSuccess(success);
    }
    case 'wrong-expected-version': {
      const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
      fillWrongExpectedVersion(wrong, outcome, expected, {
        current: (revision) => wrong.setCurrentRevision(revision),
        expected: (revision) => wrong.setExpectedRevision(revision),
      });
      return response.setWrongExpectedVersion(wrong);
    }
  }
}
