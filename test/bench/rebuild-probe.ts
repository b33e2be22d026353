/** A generated log for the rebuild phase, and a probe that measures how long requests wait behind it. */
import { WorkingCalendar } from '@one-window/calendar';
import { EmbeddedEventStore } from '@one-window/event-store';
import { Pool } from 'undici';
import { demoGeneratorItems, generateCaseHistories } from '../../libs/read-models/src/testing/index.js';

/** Writes `cases` generated case histories (~13 events each) into `dataDir`'s event store; returns the event count. */
export async function generateLog(dataDir: string, cases: number): Promise<number> {
  // NORMAL: the history is generated, not acknowledged to anyone.
  const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
  try {
    const items = await demoGeneratorItems();
    let events = 0;
    for (const generated of generateCaseHistories(cases, {
      items,
      calendar: WorkingCalendar.create(),
      startDate: '2025-01-02',
      spanWorkingDays: 330,
      seed: 2026,
    })) {
      await store.appendToStream(generated.streamName, generated.events, { expectedRevision: 'no_stream' });
      events += generated.events.length;
    }
    return events;
  } finally {
    await store.close();
  }
}

export interface Probe {
  /** Stops probing; the longest any probe request took, and how many were sent. */
  stop(): Promise<{ maxMs: number; probes: number }>;
}

/** GET `path` back to back (one keep-alive connection, `pauseMs` apart): a request's wait is a stall of the server. */
export function probe(base: string, path = '/health/live', pauseMs = 5): Probe {
  const pool = new Pool(base, { connections: 1 });
  let running = true;
  let maxMs = 0;
  let probes = 0;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      const res = await pool.request({ method: 'GET', path });
      await res.body.dump();
      maxMs = Math.max(maxMs, performance.now() - start);
      probes++;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await pool.close();
      return { maxMs, probes };
    },
  };
}

/** Polls `path` until it answers `status`; resolves with the milliseconds it took. */
export async function waitForStatus(
  base: string,
  path: string,
  status: number,
  timeoutMs = 600_000,
): Promise<number> {
  const start = performance.now();
  const pool = new Pool(base, { connections: 1 });
  try {
    while (performance.now() - start < timeoutMs) {
      const res = await pool.request({ method: 'GET', path });
      await res.body.dump();
      if (res.statusCode === status) return performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${path} did not answer ${status} within ${timeoutMs} ms`);
  } finally {
    await pool.close();
  }
}
