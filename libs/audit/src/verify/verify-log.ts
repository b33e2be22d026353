import { setImmediate as nextTurn } from 'node:timers/promises';
import { type CaseEvent, caseStreamName, foldCase } from '@one-window/case';
import type { EventStore, RecordedEvent } from '@one-window/event-store';

/** One thing found wrong, with where it is when it is in one place. */
export interface VerifyProblem {
  readonly message: string;
  readonly streamName?: string;
  readonly revision?: number;
  readonly position?: number;
}

export interface VerifyReport {
  /** Every event read from the log, start to head. */
  readonly events: number;
  readonly streams: number;
  /** Case streams folded through the case machine. */
  readonly cases: number;
  /** The head position the scan started from: the log it vouches for ends there. */
  readonly head: number | null;
  /** The last position read. */
  readonly lastPosition: number | null;
  readonly problems: readonly VerifyProblem[];
  /** More problems than `problems` holds were found. */
  readonly problemsTruncated: boolean;
}

export interface VerifyProgress {
  readonly phase: 'log' | 'cases';
  readonly events: number;
  readonly head: number | null;
  readonly position: number | null;
  readonly cases: number;
  readonly casesTotal: number;
}

export interface VerifyOptions {
  /** Events per read; the scan gives the event loop back between pages. Default 1,000. */
  readonly pageSize?: number;
  readonly maxProblems?: number;
  readonly onProgress?: (progress: VerifyProgress) => void;
}

/**
 * Checks the whole event log up to the head it finds when it starts: positions strictly increase,
 * each stream's revisions run 0, 1, 2, … with no gap, data and metadata are JSON objects, and every
 * case stream folds through the case machine. Reads in pages and yields between them, so a server
 * verifying its own store keeps answering; memory grows with the number of streams only.
 */
export async function verifyLog(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const pageSize = options.pageSize ?? 1_000;
  const maxProblems = options.maxProblems ?? 100;
  const problems: VerifyProblem[] = [];
  let found = 0;
  const problem = (p: VerifyProblem) => {
    found++;
    if (problems.length < maxProblems) problems.push(p);
  };
  const head = await store.headPosition();
  const nextRevision = new Map<string, number>();
  let events = 0;
  let last: number | null = null;
  const progress = (phase: VerifyProgress['phase'], cases = 0, casesTotal = 0) =>
    options.onProgress?.({ phase, events, head, position: last, cases, casesTotal });

  while (head !== null && (last === null || last < head)) {
    let page: RecordedEvent[];
    try {
      // readAll is inclusive: after the first page, ask from the next position on.
      page = await store.readAll({ fromPosition: last === null ? 'start' : last + 1, maxCount: pageSize });
    } catch (error) {
      problem({ message: `the log cannot be read after position ${last ?? 'start'}: ${messageOf(error)}` });
      break;
    }
    if (page.length === 0) {
      problem({ message: `the log ends at position ${last ?? 'start'}, before its head ${head}` });
      break;
    }
    for (const event of page) {
      if (event.position > head) break;
      check(event, last, nextRevision, problem);
      events++;
      last = event.position;
    }
    progress('log');
    await nextTurn();
  }

  const caseStreams = [...nextRevision.keys()].filter((s) => s.startsWith('case-'));
  let cases = 0;
  for (const stream of caseStreams) {
    try {
      const recorded = await store.readStream(caseStreamName(stream.slice('case-'.length)));
      foldCase(recorded.filter((e) => last === null || e.position <= last).map(asCaseEvent));
    } catch (error) {
      problem({ message: `${stream} does not replay: ${messageOf(error)}`, streamName: stream });
    }
    cases++;
    if (cases % 200 === 0) {
      progress('cases', cases, caseStreams.length);
      await nextTurn();
    }
  }
  progress('cases', cases, caseStreams.length);
  return {
    events,
    streams: nextRevision.size,
    cases,
    head,
    lastPosition: last,
    problems,
    problemsTruncated: found > problems.length,
  };
}

function check(
  event: RecordedEvent,
  last: number | null,
  nextRevision: Map<string, number>,
  problem: (p: VerifyProblem) => void,
): void {
  const at = { streamName: event.streamName, revision: event.streamRevision, position: event.position };
  if (last !== null && event.position <= last)
    problem({ ...at, message: `position ${event.position} does not increase (after ${last})` });
  const expected = nextRevision.get(event.streamName) ?? 0;
  if (event.streamRevision !== expected)
    problem({
      ...at,
      message: `${event.streamName}: revision ${event.streamRevision} at position ${event.position}, expected ${expected}`,
    });
  nextRevision.set(event.streamName, event.streamRevision + 1);
  if (!isObject(event.data))
    problem({ ...at, message: `${event.streamName}@${event.streamRevision}: data is not a JSON object` });
  if (event.metadata !== null && !isObject(event.metadata))
    problem({ ...at, message: `${event.streamName}@${event.streamRevision}: metadata is not a JSON object` });
}

function asCaseEvent(e: RecordedEvent): CaseEvent {
  return { type: e.type, data: e.data } as CaseEvent;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
