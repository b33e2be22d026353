/** The case engine's command path called directly (no HTTP): clerks looping receive + accept, and a numbering day. */
import { WorkingCalendar } from '@one-window/calendar';
import { demoCatalogDir, loadCatalog } from '@one-window/catalog';
import type { CaseCommand, CaseCommandExecutor } from '@one-window/case';
import { engineOn } from '../../libs/case/src/testing/engine.js';
import type { EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import { APPLICANT, DEMO_ACTORS, FOOD_LICENCE } from '../../libs/read-models/src/testing/index.js';
import { percentile } from './bench-stats.js';

export const RECEIPT: CaseCommand = {
  type: 'ReceiveApplication',
  itemCode: FOOD_LICENCE,
  applicant: APPLICANT,
  channel: 'window',
  materials: [
    { code: 'application', form: 'original' },
    { code: 'layout-and-process', form: 'original' },
    { code: 'safety-rules', form: 'original' },
  ],
  sharingAuthorized: true,
};

/** A clock that runs from `start` at the machine's pace; inside the calendar's coverage whatever today is. */
export function benchClock(start = '2026-06-01T01:30:00Z'): Clock & { jump(iso: string): void } {
  let origin = Date.now();
  let base = Date.parse(start);
  return {
    now: () => new Date(base + (Date.now() - origin)),
    jump: (iso) => {
      origin = Date.now();
      base = Date.parse(iso);
    },
  };
}

export async function benchExecutor(store: EventStore, clock: Clock): Promise<CaseCommandExecutor> {
  const calendar = WorkingCalendar.create();
  const catalog = await loadCatalog(demoCatalogDir());
  return engineOn(store, clock, catalog, { calendar: () => calendar });
}

export interface LoadFigures {
  readonly commands: number;
  readonly commandsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * `clerks` concurrent loops of receive + accept for `seconds`. `onWritten` sees each command's
 * answer (the lag phase waits for the read models there, without holding the clerk up).
 */
export async function runClerks(
  executor: CaseCommandExecutor,
  options: { clerks: number; seconds: number; tag: string; onWritten?: (position: number) => void },
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const until = performance.now() + options.seconds * 1000;
  const timed = async <T extends { position: number }>(send: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await send();
    latencies.push(performance.now() - start);
    options.onWritten?.(result.position);
    return result;
  };
  const clerk = async (k: number): Promise<void> => {
    for (let i = 0; performance.now() < until; i++) {
      const id = `${options.tag}-${k}-${i}`;
      const { caseId } = await timed(() =>
        executor.execute(RECEIPT, { actor: DEMO_ACTORS.clerk, commandId: `${id}-receive` }),
      );
      await timed(() =>
        executor.execute(
          { type: 'AcceptCase', caseId },
          { actor: DEMO_ACTORS.clerk, commandId: `${id}-accept` },
        ),
      );
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: options.clerks }, (_, k) => clerk(k)));
  const ms = performance.now() - start;
  return {
    commands: latencies.length,
    commandsPerSecond: (latencies.length * 1000) / ms,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/**
 * A numbering day: `receipts` receipts in one division on one day by `clerks` concurrent clerks;
 * the throughput of the last 1,000 against the first 1,000 (1.0 = as fast at the day's end).
 */
export async function runNumberingDay(
  executor: CaseCommandExecutor,
  options: { receipts: number; clerks: number; tag: string },
): Promise<{ firstPerSecond: number; lastPerSecond: number; ratio: number; lastCaseNumber: string }> {
  const done: number[] = [];
  let next = 0;
  let lastCaseNumber = '';
  const clerk = async (): Promise<void> => {
    while (next < options.receipts) {
      const i = next++;
      const answer = await executor.execute(RECEIPT, {
        actor: DEMO_ACTORS.clerk,
        commandId: `${options.tag}-${i}`,
      });
      done.push(performance.now());
      if (answer.caseNumber > lastCaseNumber) lastCaseNumber = answer.caseNumber;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: options.clerks }, clerk));
  const window = Math.min(1000, Math.floor(options.receipts / 2));
  const firstPerSecond = (window * 1000) / (done[window - 1] - start);
  const lastPerSecond = (window * 1000) / (done[done.length - 1] - done[done.length - 1 - window]);
  return { firstPerSecond, lastPerSecond, ratio: lastPerSecond / firstPerSecond, lastCaseNumber };
}
