import { Inject, Injectable } from '@nestjs/common';
import { commandPath, HTTP_COMMANDS } from '@one-window/case';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import { ReadModels, type RunnerStatus } from '@one-window/read-models';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { signInFailureOf } from '../auth/sign-in-failure.js';

/** Seconds: from a fast read (~1 ms) to a slow command under load. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const RUNNER_STATES: readonly RunnerStatus[] = ['stopped', 'catching-up', 'live', 'rebuilding', 'failed'];
/** Appends per group commit: 1 on a quiet hall, tens under load (ADR 9). */
const GROUP_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/** One projection's line of the runner's lag report. */
type ProjectionLag = Awaited<ReturnType<ReadModels['runner']['lag']>>['projections'][number];

/** The embedded store tells each group commit's size; EventStoreDB has no such thing. */
interface CommitGroups {
  onGroupCommitted(listener: (size: number) => void): () => void;
}

/** A gauge's label values, as prom-client takes them. */
type LabelValues<T extends string> = Partial<Record<T, string>>;

/**
 * A gauge's samples read at scrape time. A label set seen at an earlier scrape and absent now
 * reads 0 (a department whose last task closed), rather than keeping its last count; a failed
 * read leaves the gauge empty and never fails the scrape.
 */
/**
 * A gauge of bounded index counts, read when scraped (ADR 13): a label set seen before and gone
 * since reads 0, and a failed read leaves the gauge empty rather than stale.
 */
function indexGauge<T extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly T[],
  read: () => readonly (readonly [LabelValues<T>, number])[],
): void {
  const seen = new Map<string, LabelValues<T>>();
  new Gauge<T>({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      readInto(this, seen, read);
    },
  });
}

function readInto<T extends string>(
  gauge: Gauge<T>,
  seen: Map<string, LabelValues<T>>,
  read: () => readonly (readonly [LabelValues<T>, number])[],
): void {
  let samples: readonly (readonly [LabelValues<T>, number])[];
  try {
    samples = read();
  } catch {
    gauge.reset();
    return;
  }
  gauge.reset();
  for (const labels of seen.values()) gauge.set(labels, 0);
  for (const [labels, value] of samples) {
    seen.set(JSON.stringify(labels), labels);
    gauge.set(labels, value);
  }
}

/** `POST /api/tasks/:taskId/pass` → `task.pass`-like command type, from the registry (one truth). */
const COMMAND_BY_ROUTE: ReadonlyMap<string, string> = new Map(
  HTTP_COMMANDS.map((d) => [`POST ${commandPath(d).replace(/\{([A-Za-z]+)\}/g, ':$1')}`, d.type]),
);

function outcome(status: number): string {
  if (status < 300) return 'accepted';
  if (status === 409) return 'conflict';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'failed';
  return 'refused';
}

/**
 * The server's Prometheus metrics, one registry per server (several servers in one test process
 * keep theirs apart). Requests, commands and failed sign-ins are counted in Fastify's onResponse
 * hook, appends timed around the store's appendToStream and group commits told by the store;
 * projection lag, runner state and the hall's gauges (tasks, deadlines, obligations) are read at
 * scrape time.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = this.counter(
    'one_window_http_requests_total',
    'HTTP requests answered, by method, route template and status',
    ['method', 'route', 'status'],
  );
  private readonly latency = this.histogram(
    'one_window_http_request_duration_seconds',
    'HTTP request latency, by method, route template and status',
    ['method', 'route', 'status'],
  );
  private readonly commands = this.counter(
    'one_window_commands_total',
    'Case commands over HTTP, by command type and outcome (accepted, refused, conflict, unavailable, failed)',
    ['type', 'outcome'],
  );
  private readonly commandLatency = this.histogram(
    'one_window_command_duration_seconds',
    'Case command latency over HTTP, by command type',
    ['type'],
  );
  private readonly appends = this.histogram(
    'one_window_event_store_append_duration_seconds',
    'Event store append latency (group commit included), by result',
    ['result'],
  );
  private readonly groupSize = this.histogram(
    'one_window_event_store_commit_group_size',
    'Appends per group commit of the embedded store (one transaction and one fsync each)',
    [],
    GROUP_BUCKETS,
  );
  private readonly signInFailures = this.counter(
    'one_window_sign_in_failures_total',
    'Failed sign-ins by reason (wrong-credentials, throttled-user, throttled-address); no usernames',
    ['reason'],
  );

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'one_window_' });
    const runner = (): ReadModels['runner'] => this.readModels.runner;
    /** A gauge per projection, read from the runner's lag report when scraped. */
    const lagGauge = (name: string, help: string, value: (p: ProjectionLag) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'] as const,
        registers: [this.registry],
        async collect() {
          const lag = await runner().lag();
          for (const p of lag.projections) this.set({ projection: p.name }, value(p));
        },
      });
    lagGauge(
      'one_window_projection_lag_events',
      'Events in the log not yet applied, by projection (counted up to a cap)',
      (p) => p.eventsBehind,
    );
    lagGauge(
      'one_window_projection_lag_seconds',
      'Age of the oldest event not yet applied, by projection; 0 when caught up',
      (p) => p.msBehind / 1000,
    );
    new Gauge({
      name: 'one_window_projection_runner_state',
      help: 'The projection runner state: 1 for the current one (catching-up, live, rebuilding, failed, stopped)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const status = runner().status;
        for (const state of RUNNER_STATES) this.set({ state }, state === status ? 1 : 0);
      },
    });
    // The hall's gauges: bounded index counts by department, read when scraped (ADR 13).
    const gauges = (): ReadModels['gauges'] => this.readModels.gauges;
    indexGauge(
      this.registry,
      'one_window_open_tasks',
      'Open and claimed back-office tasks, by department',
      ['department'],
      () =>
        gauges()
          .openTasks()
          .map((r) => [{ department: r.department }, r.count]),
    );
    indexGauge(
      this.registry,
      'one_window_cases_warning',
      'Pending cases near (warning="yellow") or past (warning="red") a decision limit, by department, as the deadline board counts them',
      ['department', 'warning'],
      () =>
        gauges()
          .caseDeadlines()
          .flatMap((r) => [
            [{ department: r.department, warning: 'yellow' }, r.yellow] as const,
            [{ department: r.department, warning: 'red' }, r.red] as const,
          ]),
    );
    indexGauge(
      this.registry,
      'one_window_open_rating_obligations',
      'Bad-rating review obligations (Art. 36) without an outcome, by the department that owes them',
      ['department'],
      () =>
        gauges()
          .openObligations()
          .map((r) => [{ department: r.department }, r.count]),
    );
    new Gauge({
      name: 'one_window_event_store_head_position',
      help: 'Position of the last event in the log',
      registers: [this.registry],
      async collect() {
        this.set((await store.headPosition().catch(() => null)) ?? -1);
      },
    });
  }

  /** Counts and times every answer, and every append of the store (called once at start). */
  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = reply.statusCode;
      const seconds = reply.elapsedTime / 1000;
      const labels = { method: request.method, route, status: String(status) };
      this.requests.inc(labels);
      this.latency.observe(labels, seconds);
      const failure = signInFailureOf(request);
      if (failure) this.signInFailures.inc({ reason: failure });
      const type = COMMAND_BY_ROUTE.get(`${request.method} ${route}`);
      if (type) {
        this.commands.inc({ type, outcome: outcome(status) });
        this.commandLatency.observe({ type }, seconds);
      }
      done();
    });
    const store = this.store;
    const groups = store as EventStore & Partial<CommitGroups>;
    if (typeof groups.onGroupCommitted === 'function') {
      groups.onGroupCommitted((size) => this.groupSize.observe(size));
    }
    const append = store.appendToStream.bind(store);
    const appends = this.appends;
    store.appendToStream = async (...args) => {
      const end = appends.startTimer();
      try {
        const result = await append(...args);
        end({ result: 'written' });
        return result;
      } catch (error) {
        end({ result: 'failed' });
        throw error;
      }
    };
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
  /** A counter in this server's registry. */
  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram in this server's registry, of latencies in seconds unless `buckets` says otherwise. */
  private histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets: number[] = LATENCY_BUCKETS,
  ): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}
