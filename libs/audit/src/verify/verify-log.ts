import { setImmediate as nextTurn } from 'node:timers/promises';
import { type CaseEvent, caseStreamName, foldCase } from '@one-window/case';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@one-window/event-store';
import {
  ANCHORED,
  AUDIT_STREAM,
  CHAIN_STARTED,
  isAnchoredData,
  type AnchoredData,
} from '../anchor/anchor.js';
import { ChainHeads } from '../anchor/chain-heads.js';
import { chainHolds } from './chain-check.js';

/** One thing found wrong, with where it is when it is in one place. */
export interface VerifyProblem {
  readonly message: string;
  readonly streamName?: string;
  readonly revision?: number;
  readonly position?: number;
}

/** An event whose chain does not follow from its stream's previous event. */
export interface ChainBreak {
  readonly streamName: string;
  readonly revision: number;
  readonly position: number;
}

/** An anchor whose root the log no longer gives. */
export interface AnchorMismatch {
  /** `log` for an audit.Anchored event in the log, `given` for the root passed to verify. */
  readonly source: 'log' | 'given';
  readonly position: number;
  readonly expected: string;
  /** The root the log gives now; null when the log ends before the anchor's position. */
  readonly actual: string | null;
}

export interface VerifyReport {
  /** No problem of any kind was found. */
  readonly sound: boolean;
  /** Every event read from the log, start to head. */
  readonly events: number;
  readonly streams: number;
  /** Case streams folded through the case machine. */
  readonly cases: number;
  /** The head position the scan started from: the log it vouches for ends there. */
  readonly head: number | null;
  /** The last position read. */
  readonly lastPosition: number | null;
  /** Events whose chain was checked; events before the recorded start of the chain (an old log). */
  readonly chained: number;
  readonly unchained: number;
  /** Where audit.ChainStarted says the chain starts; null when the log was chained from its first event. */
  readonly chainStart: number | null;
  readonly chainBreaks: readonly ChainBreak[];
  /** Anchors checked (in the log and given), and those that did not match. */
  readonly anchorsChecked: number;
  readonly anchorMismatches: readonly AnchorMismatch[];
  /**
   * Whether the audit stream holds the given anchor's own audit.Anchored record (same position and
   * root); null when no anchor was given. A log cut after that record would otherwise still give
   * the root.
   */
  readonly givenAnchorRecorded: boolean | null;
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
  /** A root kept outside the system (`one-window audit anchor`): the log must still give it. */
  readonly anchor?: AnchoredData;
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
  // A store that can check its own file (the embedded one opened read-only) does so first.
  const integrity = store as EventStore & { integrityCheck?: () => string[] };
  if (typeof integrity.integrityCheck === 'function') {
    try {
      for (const m of integrity.integrityCheck()) problem({ message: `the file is damaged: ${m}` });
    } catch (error) {
      problem({ message: `the file is damaged: ${messageOf(error)}` });
    }
  }
  const head = await store.headPosition();
  const audit = await readAudit(store, head);
  const anchors: { source: AnchorMismatch['source']; data: AnchoredData }[] = [
    ...audit.anchors.map((data) => ({ source: 'log' as const, data })),
    ...(options.anchor === undefined ? [] : [{ source: 'given' as const, data: options.anchor }]),
  ]
    .filter((a) => a.source === 'given' || (head !== null && a.data.position <= head))
    .sort((a, b) => a.data.position - b.data.position);
  const nextRevision = new Map<string, number>();
  const heads = new ChainHeads();
  const chainBreaks: ChainBreak[] = [];
  const anchorMismatches: AnchorMismatch[] = [];
  let anchorsChecked = 0;
  let chained = 0;
  let unchained = 0;
  let events = 0;
  let last: number | null = null;
  /** Checks every anchor at or before `position` against the heads as they stand. */
  const checkAnchorsBefore = async (position: number) => {
    while (anchors.length > 0 && anchors[0].data.position < position) {
      const { source, data } = anchors.shift()!;
      anchorsChecked++;
      const endsBefore = heads.position === null || (position === Infinity && heads.position < data.position);
      const actual = endsBefore ? null : (await heads.root()).toString('hex');
      if (actual !== data.root) {
        anchorMismatches.push({ source, position: data.position, expected: data.root, actual });
        problem({
          position: data.position,
          message:
            actual === null
              ? `the log ends at position ${last ?? 'start'}, before the ${source === 'given' ? 'given ' : ''}anchor at position ${data.position}: events were removed`
              : `the ${source === 'given' ? 'given ' : ''}anchor at position ${data.position} does not match: the log's root there is ${actual}, the anchor holds ${data.root}`,
        });
      }
    }
  };
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
      await checkAnchorsBefore(event.position);
      if (event.chain === undefined && audit.chainStart !== null && event.position < audit.chainStart)
        unchained++;
      else {
        chained++;
        if (!chainHolds(heads.chainOf(event.streamName), event)) {
          const at = {
            streamName: event.streamName,
            revision: event.streamRevision,
            position: event.position,
          };
          chainBreaks.push(at);
          problem({
            ...at,
            message:
              event.chain === undefined
                ? `${event.streamName}@${event.streamRevision} (position ${event.position}) carries no chain`
                : `${event.streamName}@${event.streamRevision} (position ${event.position}): the chain breaks (the event or one before it in its stream was changed)`,
          });
        }
      }
      heads.apply(event);
      events++;
      last = event.position;
    }
    progress('log');
    await nextTurn();
  }

  await checkAnchorsBefore(Infinity);
  // The given root was printed from the log's own record of it (`audit anchor`): a log that still
  // gives the root but lost the record was cut after it. Only what was appended after the newest
  // record kept outside stays unvouched for (ADR 13).
  const given = options.anchor;
  const givenAnchorRecorded =
    given === undefined
      ? null
      : audit.anchors.some((a) => a.position === given.position && a.root === given.root);
  if (given !== undefined && !givenAnchorRecorded && last !== null && last >= given.position)
    problem({
      position: given.position,
      message: `the record of the given anchor at position ${given.position} is missing: the log was cut after it`,
    });

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
    sound: found === 0,
    events,
    streams: nextRevision.size,
    cases,
    head,
    lastPosition: last,
    chained,
    unchained,
    chainStart: audit.chainStart,
    chainBreaks,
    anchorsChecked,
    anchorMismatches,
    givenAnchorRecorded,
    problems,
    problemsTruncated: found > problems.length,
  };
}

/** The anchors and the chain's start recorded in the audit stream up to `head`. */
async function readAudit(
  store: EventStore,
  head: number | null,
): Promise<{ anchors: AnchoredData[]; chainStart: number | null }> {
  let events: RecordedEvent[];
  try {
    events = (await store.readStream(AUDIT_STREAM)).filter((e) => head !== null && e.position <= head);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { anchors: [], chainStart: null };
    throw error;
  }
  const anchors = events
    .filter((e) => e.type === ANCHORED && isAnchoredData(e.data))
    .map((e) => e.data as AnchoredData);
  const started = events.find((e) => e.type === CHAIN_STARTED);
  const position = (started?.data as { position?: unknown } | undefined)?.position;
  return { anchors, chainStart: typeof position === 'number' ? position : null };
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
