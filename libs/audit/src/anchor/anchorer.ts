import {
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@one-window/event-store';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ANCHORED, AUDIT_STREAM, isAnchoredData, type AnchoredData } from './anchor.js';
import { ChainHeads } from './chain-heads.js';

/**
 * A store that can list every stream's last event without the log (the embedded store's
 * `readStreamHeads`): a page of streams named after `after`, by name; an empty page ends.
 */
export interface StreamHeadsSource {
  readStreamHeads(
    after: string,
  ): Promise<readonly { streamName: string; revision: number; position: number; chain: Buffer | null }[]>;
}

export interface AnchorerOptions {
  /** Anchor after this many events since the last anchor. Default 10,000. */
  readonly everyEvents?: number;
  /** …or when this long has passed since the last anchor and anything was written. Default 10 minutes. */
  readonly everyMs?: number;
  /** The clock (injected, for tests); default Date.now. */
  readonly now?: () => number;
  /**
   * Where the heads can be read at start instead of replaying the whole log (the embedded store):
   * the anchorer then follows the log only after the position it read them at.
   */
  readonly heads?: StreamHeadsSource;
}

/**
 * Writes `audit.Anchored` events: the Merkle root over every stream's chain head after a `$all`
 * position, every N events or M minutes. The heads must cover every stream: on a store that lists
 * its stream heads it reads them at start (in pages, yielding between them) and follows the log
 * after that position; elsewhere it follows the log from its start — at 100k cases that replay
 * was over a minute of the event loop at every boot. What it knows of the last anchor — its position and time —
 * comes from the audit stream, so a restart resumes the same schedule. Nothing here carries a
 * legal deadline: a late anchor only widens the span one root vouches for.
 */
export class Anchorer {
  private readonly heads = new ChainHeads();
  private readonly everyEvents: number;
  private readonly everyMs: number;
  private readonly now: () => number;
  private subscription: Subscription | undefined;
  private last: { data: AnchoredData; at: number } | null = null;
  private auditRevision = -1;
  private since = 0;
  private live = false;
  private writing: Promise<AnchoredData | null> | null = null;
  private stopped = false;
  /** Position of the last anchor's own audit.Anchored record. */
  private lastRecordPosition: number | null = null;
  private readonly headsSource: StreamHeadsSource | undefined;
  /** When start() was called (the clock's ms): a log never anchored counts its minutes from here. */
  private startedAt = 0;

  constructor(
    private readonly store: EventStore,
    options: AnchorerOptions = {},
  ) {
    this.everyEvents = options.everyEvents ?? 10_000;
    this.everyMs = options.everyMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
    this.headsSource = options.heads;
  }

  /** Starts following the log; resolves once it has caught up. */
  async start(): Promise<void> {
    this.startedAt = this.now();
    await this.readLastAnchor();
    const from = this.headsSource === undefined ? 'start' : await this.readHeads(this.headsSource);
    const subscription = (this.subscription = this.store.subscribeToAll({ fromPosition: from }));
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    void (async () => {
      try {
        for await (const message of subscription) {
          if (message.kind === 'caught-up') {
            this.live = true;
            caughtUp();
          } else this.apply(message.event);
        }
      } finally {
        caughtUp();
      }
    })();
    await ready;
  }

  /** The latest anchor recorded, from the audit stream. */
  latest(): AnchoredData | null {
    return this.last?.data ?? null;
  }

  /** Anchors now if N events or M minutes call for it; answers the anchor written, if any. */
  async tick(): Promise<AnchoredData | null> {
    if (this.stopped || !this.live || this.writing !== null) return null;
    // A log never anchored counts its M minutes from this anchorer's start, as a restart counts
    // them from the last anchor: a fresh server anchors on the schedule, not at its first poll.
    const from = this.last?.at ?? this.startedAt;
    const due = this.since >= this.everyEvents || (this.since > 0 && this.now() - from >= this.everyMs);
    if (!due) return null;
    this.writing = this.anchor().finally(() => (this.writing = null));
    return this.writing;
  }

  /** Writes an anchor over the heads as they stand (if anything was written since the last). */
  async anchor(): Promise<AnchoredData | null> {
    const position = this.heads.position;
    if (position === null || (this.last !== null && this.last.data.position >= position)) return null;
    // The heads are taken as they stand now (root() copies them before it returns): events that
    // arrive while the root is computed in slices are not in it, so the root is of `position`.
    const streams = this.heads.streams;
    const root = this.heads.root();
    const data: AnchoredData = { position, streams, root: (await root).toString('hex') };
    try {
      await this.store.appendToStream(AUDIT_STREAM, [{ type: ANCHORED, data }], {
        expectedRevision: this.auditRevision < 0 ? 'no_stream' : this.auditRevision,
      });
    } catch (error) {
      // Another server anchored first: learn its anchor, try again at the next tick.
      if (error instanceof WrongExpectedRevisionError) {
        await this.readLastAnchor();
        return null;
      }
      throw error;
    }
    return data;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.writing?.catch(() => undefined);
    await this.subscription?.unsubscribe();
  }

  private apply(event: RecordedEvent): void {
    this.heads.apply(event);
    if (event.streamName === AUDIT_STREAM) {
      this.auditRevision = Math.max(this.auditRevision, event.streamRevision);
      if (event.type === ANCHORED && isAnchoredData(event.data)) {
        this.last = { data: event.data, at: event.created.getTime() };
        this.lastRecordPosition = event.position;
        this.since = 0;
      }
      return;
    }
    if (this.last === null || event.position > this.last.data.position) this.since++;
  }

  /**
   * Every stream's head from the store, as of at least the position read first; the subscription
   * then replays what came after it (events written meanwhile are applied again, in order, which
   * leaves each stream at its last event). The events since the last anchor are counted from the
   * positions (the embedded store numbers its events densely). Answers the position to follow from.
   */
  private async readHeads(source: StreamHeadsSource): Promise<number | 'start'> {
    const head = await this.store.headPosition();
    if (head === null) return 'start';
    for (let after = ''; ;) {
      const page = await source.readStreamHeads(after);
      if (page.length === 0) break;
      for (const h of page) this.heads.setHead(h.streamName, h.revision, h.chain);
      after = page[page.length - 1].streamName;
      await nextTurn();
    }
    this.heads.position = head;
    const anchored = this.last?.data.position ?? 0;
    const ownRecord = this.lastRecordPosition !== null && this.lastRecordPosition <= head ? 1 : 0;
    this.since = Math.max(0, head - anchored - ownRecord);
    return head;
  }

  private async readLastAnchor(): Promise<void> {
    let events: RecordedEvent[];
    try {
      events = await this.store.readStream(AUDIT_STREAM, { direction: 'backwards', fromRevision: 'end' });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
    this.auditRevision = Math.max(this.auditRevision, events[0]?.streamRevision ?? -1);
    const anchored = events.find((e) => e.type === ANCHORED && isAnchoredData(e.data));
    if (anchored !== undefined) {
      this.last = { data: anchored.data as AnchoredData, at: anchored.created.getTime() };
      this.lastRecordPosition = anchored.position;
    }
  }
}
