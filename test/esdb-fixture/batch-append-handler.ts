/**
 * Streams.BatchAppend: one long-lived bidirectional call carrying many appends, each keyed by
 * a correlation id, split into chunks until `is_final` (README.md §BatchAppend).
 */
import { type ServerDuplexStream } from '@grpc/grpc-js';
import { expectedVersionOf, fillSuccess, fillWrongExpectedVersion } from './append-answers.js';
import { proposedEvent } from './append-handler.js';
import type { ElectionRefusal, FixtureContext } from './fixture-context.js';
import type { AppendOutcome, ExpectedVersion, ProposedEvent } from './in-memory-log.js';
import { streamIdentifier, streamNameOf } from './messages.js';
import {
  anyPb,
  codePb,
  sharedPb,
  statusPb,
  streamsPb,
  type BatchAppendReq,
  type BatchAppendResp,
} from './proto.js';

type BatchOptions = InstanceType<typeof streamsPb.BatchAppendReq.Options>;
type Status = InstanceType<typeof statusPb.Status>;

interface PendingWrite {
  readonly correlationId: InstanceType<typeof sharedPb.UUID> | undefined;
  readonly streamName: string;
  readonly expected: ExpectedVersion;
  readonly events: ProposedEvent[];
  size: number;
  answered: boolean;
  timer?: NodeJS.Timeout;
}

export function batchAppendHandler(context: FixtureContext) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    context.called('batchAppend');
    const pending = new Map<string, PendingWrite>();
    let inFlight = 0;
    let ended = false;
    const finishIfIdle = () => {
      if (ended && inFlight === 0) call.end();
    };
    const answer = (write: PendingWrite, result: Fill) => {
      if (write.answered || call.cancelled || call.writableEnded) return;
      write.answered = true;
      clearTimeout(write.timer);
      const response = new streamsPb.BatchAppendResp()
        .setCorrelationId(write.correlationId)
        .setStreamIdentifier(streamIdentifier(write.streamName));
      result(response);
      call.write(response);
    };

    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      const key = correlationId ? Buffer.from(correlationId.serializeBinary()).toString('base64') : '';
      const options = request.getOptions();
      if (options) {
        const write: PendingWrite = {
          correlationId,
          streamName: streamNameOf(options.getStreamIdentifier()),
          expected: expectedOf(options),
          events: [],
          size: 0,
          answered: false,
        };
        pending.set(key, write);
        const timeout = deadlineOf(options) - Date.now();
        if (timeout <= 0) {
          pending.delete(key);
          answer(write, (r) => r.setError(timeoutStatus()));
          return;
        }
        if (Number.isFinite(timeout)) {
          const expire = () => {
            if (pending.get(key) === write) pending.delete(key);
            answer(write, (r) => r.setError(timeoutStatus()));
          };
          write.timer = setTimeout(expire, Math.min(timeout, MAX_TIMER));
          write.timer.unref();
        }
      }
      const write = pending.get(key);
      if (!write) return;
      for (const message of request.getProposedMessagesList()) {
        const event = proposedEvent(message);
        write.events.push(event);
        write.size += event.data.length + event.customMetadata.length + event.type.length;
      }
      if (write.size > context.maxAppendSize) {
        pending.delete(key);
        answer(write, (r) => r.setError(maxAppendSizeStatus(context.maxAppendSize)));
        return;
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      const refusal = context.takeRefusal();
      if (refusal !== undefined) {
        answer(write, (r) => r.setError(electionStatus(refusal)));
        return;
      }
      inFlight += 1;
      void context
        .beforeReply()
        .then(() => {
          // A write that timed out may still be committed, as on EventStoreDB.
          const outcome = context.log.append(write.streamName, write.expected, write.events);
          answer(write, (r) => fill(r, outcome, write.expected));
        })
        .finally(() => {
          inFlight -= 1;
          finishIfIdle();
        });
    });
    call.on('end', () => {
      ended = true;
      finishIfIdle();
    });
    call.on('error', () => undefined);
    call.on('cancelled', () => {
      for (const write of pending.values()) clearTimeout(write.timer);
    });
  };
}

type Fill = (response: BatchAppendResp) => void;

/** setTimeout's ceiling; longer deadlines behave as none for a test fixture. */
const MAX_TIMER = 2 ** 31 - 1;

function fill(response: BatchAppendResp, outcome: AppendOutcome, expected: ExpectedVersion): void {
  switch (outcome.kind) {
    case 'written':
    case 'idempotent': {
      const success = new streamsPb.BatchAppendResp.Success();
      fillSuccess(success, outcome, (position) =>
        new sharedPb.AllStreamPosition().setCommitPosition(position).setPreparePosition(position),
      );
      response.setSuccess(success);
      return;
    }
    case 'wrong-expected-version': {
      const details = new sharedPb.WrongExpectedVersion();
      fillWrongExpectedVersion(details, outcome, expected, {
        current: (revision) => details.setCurrentStreamRevision(revision),
        expected: (revision) => details.setExpectedStreamPosition(revision),
      });
      response.setError(
        statusOf(
          codePb.Code.ALREADY_EXISTS,
          'WrongExpectedVersion',
          details,
          'event_store.client.WrongExpectedVersion',
        ),
      );
      return;
    }
  }
}

/** BatchAppend without an expected position appends as `any`. */
function expectedOf(options: BatchOptions): ExpectedVersion {
  const Case = streamsPb.BatchAppendReq.Options.ExpectedStreamPositionCase;
  return (
    expectedVersionOf(
      options.getExpectedStreamPositionCase(),
      {
        revision: Case.STREAM_POSITION,
        noStream: Case.NO_STREAM,
        any: Case.ANY,
        streamExists: Case.STREAM_EXISTS,
      },
      () => Number(options.getStreamPosition()),
    ) ?? { kind: 'any' }
  );
}

/** The client sends an absolute deadline (`deadline_21_10_0`); no deadline means no timeout. */
function deadlineOf(options: BatchOptions): number {
  const deadline = options.getDeadline();
  return deadline ? deadline.toDate().getTime() : Number.POSITIVE_INFINITY;
}

function timeoutStatus(): Status {
  return statusOf(
    codePb.Code.DEADLINE_EXCEEDED,
    'Timeout',
    new sharedPb.Timeout(),
    'event_store.client.Timeout',
  );
}

/** EventStoreDB's messages for these (BatchAppend: code Unavailable, no details the client unpacks). */
function electionStatus(refusal: ElectionRefusal): Status {
  const message =
    refusal === 'not-ready'
      ? 'Server Is Not Ready'
      : refusal === 'too-busy'
        ? 'Server Is Too Busy'
        : 'Not Leader';
  return statusOf(
    codePb.Code.UNAVAILABLE,
    message,
    new sharedPb.Empty(),
    `event_store.client.${message.replace(/ /g, '')}`,
  );
}

function maxAppendSizeStatus(maxAppendSize: number): Status {
  const details = new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
  return statusOf(
    codePb.Code.INVALID_ARGUMENT,
    'MaximumAppendSizeExceeded',
    details,
    'event_store.client.MaximumAppendSizeExceeded',
  );
}

function statusOf(
  code: codePb.Code,
  message: string,
  details: { serializeBinary(): Uint8Array },
  typeName: string,
) {
  const packed = new anyPb.Any();
  packed.pack(details.serializeBinary(), typeName);
  return new statusPb.Status().setCode(code).setMessage(message).setDetails(packed);
}
