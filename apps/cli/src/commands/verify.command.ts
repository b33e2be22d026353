import type { Command } from 'commander';
import { type CaseEvent, caseStreamName, foldCase } from '@one-window/case';
import type { EventStore, RecordedEvent } from '@one-window/event-store';
import { environmentDeps, type ReadSideCliDeps } from './read-side-deps.js';

export interface VerifyOptions {
  readonly json?: boolean;
}

export interface VerifyReport {
  readonly events: number;
  readonly streams: number;
  readonly cases: number;
  readonly problems: readonly string[];
}

const PAGE = 5_000;
const MAX_PROBLEMS = 100;

/**
 * Checks the event log: positions strictly increase, each stream's revisions run 0, 1, 2, … with
 * no gap, data and metadata are JSON objects, and every case stream folds through the case
 * machine without error. Reads the log in pages; memory grows with the number of streams only.
 */
export async function verifyLog(store: EventStore): Promise<VerifyReport> {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
  };
  const nextRevision = new Map<string, number>();
  let events = 0;
  let last: number | null = null;
  for (;;) {
    let page: RecordedEvent[];
    try {
      page = await store.readAll({
        fromPosition: last ?? 'start',
        maxCount: last === null ? PAGE : PAGE + 1,
      });
    } catch (error) {
      problem(
        `the log cannot be read after position ${last ?? 'start'}: ${error instanceof Error ? error.message : String(error)}`,
      );
      break;
    }
    const from = last;
    // readAll is inclusive: the page starts with the last event already checked.
    const fresh: RecordedEvent[] = from === null ? page : page.filter((e) => e.position !== from);
    for (const event of fresh) {
      events++;
      if (last !== null && event.position <= last)
        problem(`position ${event.position} does not increase (after ${last})`);
      last = event.position;
      const expected = nextRevision.get(event.streamName) ?? 0;
      if (event.streamRevision !== expected)
        problem(
          `${event.streamName}: revision ${event.streamRevision} at position ${event.position}, expected ${expected}`,
        );
      nextRevision.set(event.streamName, event.streamRevision + 1);
      if (!isObject(event.data))
        problem(`${event.streamName}@${event.streamRevision}: data is not a JSON object`);
      if (event.metadata !== null && !isObject(event.metadata))
        problem(`${event.streamName}@${event.streamRevision}: metadata is not a JSON object`);
    }
    if (page.length < (last === null ? PAGE : PAGE + 1) || fresh.length === 0) break;
  }
  let cases = 0;
  for (const stream of nextRevision.keys()) {
    if (!stream.startsWith('case-')) continue;
    cases++;
    const caseId = stream.slice('case-'.length);
    try {
      const recorded = await store.readStream(caseStreamName(caseId));
      foldCase(recorded.map((e) => ({ type: e.type, data: e.data }) as CaseEvent));
    } catch (error) {
      problem(`${stream} does not replay: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { events, streams: nextRevision.size, cases, problems };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `one-window verify`: exit 0 when the log is sound, 1 with every problem listed otherwise. */
export async function verifyCommand(options: VerifyOptions, deps: ReadSideCliDeps): Promise<number> {
  const store = await deps.openStore();
  try {
    const report = await verifyLog(store);
    if (options.json) deps.out(JSON.stringify(report, null, 2));
    else {
      deps.out(`${report.events} events in ${report.streams} streams (${report.cases} cases)`);
      for (const p of report.problems) deps.err(`problem: ${p}`);
      deps.out(
        report.problems.length === 0
          ? 'the event log is sound'
          : `${report.problems.length} problem(s) found`,
      );
    }
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

export function registerVerify(program: Command, deps: ReadSideCliDeps = environmentDeps): void {
  program
    .command('verify')
    .description("check the event log's integrity: positions, revisions, JSON, and that every case replays")
    .option('--json', 'print the report as JSON')
    .action(async (options: VerifyOptions) => {
      const code = await verifyCommand(options, deps);
      if (code !== 0) process.exitCode = code;
    });
}
