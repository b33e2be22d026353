/**
 * What Append and BatchAppend have in common on the wire: the expected version an append's options
 * name and the success or wrong-expected-version they answer with. The two calls use different
 * message classes (and numberings) for the same fields, so these take the fields they set.
 */
import type { AppendOutcome, ExpectedVersion } from './in-memory-log.js';
import { sharedPb } from './proto.js';

type Empty = InstanceType<typeof sharedPb.Empty>;

/** The options' expected-revision case, by each call's own numbering of the cases; undefined when not set. */
export function expectedVersionOf<C>(
  current: C,
  cases: { readonly revision: C; readonly noStream: C; readonly any: C; readonly streamExists: C },
  revision: () => number,
): ExpectedVersion | undefined {
  if (current === cases.revision) return { kind: 'revision', revision: revision() };
  if (current === cases.noStream) return { kind: 'no_stream' };
  if (current === cases.any) return { kind: 'any' };
  if (current === cases.streamExists) return { kind: 'stream_exists' };
  return undefined;
}

/** A written (or idempotent) append's success: the stream's last revision and the log position. */
export function fillSuccess<Position>(
  success: {
    setNoStream(empty: Empty): unknown;
    setCurrentRevision(revision: string): unknown;
    setNoPosition(empty: Empty): unknown;
    setPosition(position: Position): unknown;
  },
  outcome: Extract<AppendOutcome, { kind: 'written' | 'idempotent' }>,
  positionOf: (position: string) => Position,
): void {
  const empty = new sharedPb.Empty();
  if (outcome.lastRevision === null) success.setNoStream(empty);
  else success.setCurrentRevision(String(outcome.lastRevision));
  if (outcome.position === null) success.setNoPosition(empty);
  else success.setPosition(positionOf(String(outcome.position)));
}

/** A wrong-expected-version answer: the stream's current revision and the version the append expected. */
export function fillWrongExpectedVersion(
  wrong: {
    setCurrentNoStream(empty: Empty): unknown;
    setExpectedAny(empty: Empty): unknown;
    setExpectedNoStream(empty: Empty): unknown;
    setExpectedStreamExists(empty: Empty): unknown;
  },
  outcome: Extract<AppendOutcome, { kind: 'wrong-expected-version' }>,
  expected: ExpectedVersion,
  revisions: { current(revision: string): unknown; expected(revision: string): unknown },
): void {
  const empty = new sharedPb.Empty();
  if (outcome.currentRevision === null) wrong.setCurrentNoStream(empty);
  else revisions.current(String(outcome.currentRevision));
  switch (expected.kind) {
    case 'any':
      wrong.setExpectedAny(empty);
      break;
    case 'no_stream':
      wrong.setExpectedNoStream(empty);
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(empty);
      break;
    case 'revision':
      revisions.expected(String(expected.revision));
      break;
  }
}
