/**
 * A catch-up subscription to $all, in EventStoreDB's order (README.md §Subscriptions):
 * confirmation; every event after the checkpoint; for a filtered subscription a checkpoint
 * when it reaches the end of the log; caught-up; then live events as they are written.
 * Live events are read from the same log as catch-up, so the switch can neither skip nor
 * repeat an event.
 */
import { randomUUID } from 'node:crypto';
import type { EventFilter } from './event-filter.js';
import type { FixtureContext } from './fixture-context.js';
import { checkpointResponse, eventResponse } from './messages.js';
import { streamsPb } from './proto.js';
import type { ResponseSink } from './response-sink.js';

/** `start`, `end`, or an exclusive commit position. */
export type SubscriptionStart = 'start' | 'end' | number;

export interface SubscriptionRequest {
  readonly start: SubscriptionStart;
  readonly filter: EventFilter | null;
  readonly structuredIds: boolean;
}

export async function subscribeToAll(
  context: FixtureContext,
  sink: ResponseSink,
  request: SubscriptionRequest,
): Promise<void> {
  const { log } = context;
  const { filter, structuredIds } = request;
  let wake: () => void = () => undefined;
  const stopListening = log.onAppend(() => wake());
  try {
    const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
    if (!(await sink.write(new streamsPb.ReadResp().setConfirmation(confirmation)))) return;

    const lastPosition = () => (log.length === 0 ? -1 : log.at(log.length - 1).position);
    const start = request.start === 'start' ? -1 : request.start === 'end' ? lastPosition() : request.start;
    let index = log.indexAfter(start);
    let live = false;
    let considered = 0;
    for (;;) {
      while (index < log.length) {
        const record = log.at(index++);
        if (!filter || filter.matches(record)) {
          if (!(await sink.write(eventResponse(record, structuredIds)))) return;
        }
        if (filter && ++considered >= filter.checkpointInterval) {
          considered = 0;
          if (!(await sink.write(checkpointResponse(record.position)))) return;
        }
      }
      if (!live) {
        // A filtered subscription checkpoints the end of the log when it goes live.
        if (
          filter &&
          log.length > 0 &&
          !(await sink.write(checkpointResponse(Math.max(start, lastPosition()))))
        ) {
          return;
        }
        if (!(await sink.write(new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp()))))
          return;
        live = true;
      }
      if (index >= log.length) {
        await sink.until(new Promise<void>((resolve) => (wake = resolve)));
        if (sink.isClosed) return;
      }
    }
  } finally {
    stopListening();
  }
}
