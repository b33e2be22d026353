import type { RecordedEvent } from '@one-window/event-store';
import { byNameBytes, leafHash, treeHash, type StreamHead } from './merkle.js';
import { mergeInSlices, Slices, sortInSlices } from './slices.js';

/** A stream's head with its name's UTF-8 bytes (the leaves' order) and its leaf hash, computed once per head. */
interface Head extends StreamHead {
  readonly key: Buffer;
  leaf: Buffer | null;
}

interface Entry {
  head: Head;
}

/**
 * Every stream's head as the log is read in order: what an anchor's root covers. Keeps what a
 * root costs proportional to what changed since the last one, and never holds the event loop for
 * long: the streams stay sorted between roots (new ones are sorted and merged in), a head's leaf
 * hash is computed once, and the sorting, leaf and tree hashing run in slices of a few
 * milliseconds (ADR 13). Its root equals {@link merkleRoot} over the same heads.
 */
export class ChainHeads {
  private readonly entries = new Map<string, Entry>();
  /** Every stream known at the last root, sorted by name bytes. */
  private sorted: Entry[] = [];
  /** Streams first seen since (in log order). */
  private fresh: Entry[] = [];
  /** Bumped whenever `sorted` is replaced, so a root that ran beside another does not undo it. */
  private generation = 0;
  /** Position of the last event applied. */
  position: number | null = null;

  apply(event: RecordedEvent): void {
    this.setHead(
      event.streamName,
      event.streamRevision,
      event.chain === undefined ? null : Buffer.from(event.chain, 'hex'),
    );
    this.position = event.position;
  }

  /**
   * A stream's head read from the store directly (its last event, without replaying the log);
   * the caller sets `position` to the log position the heads stand at.
   */
  setHead(streamName: string, revision: number, chain: Buffer | null): void {
    const entry = this.entries.get(streamName);
    const head: Head = {
      streamName,
      key: entry?.head.key ?? Buffer.from(streamName, 'utf8'),
      revision,
      chain,
      leaf: null,
    };
    if (entry !== undefined) entry.head = head;
    else {
      const created: Entry = { head };
      this.entries.set(streamName, created);
      this.fresh.push(created);
    }
  }

  /** The chain of the stream's last event applied, null when none (or it had none). */
  chainOf(streamName: string): Buffer | null {
    return this.entries.get(streamName)?.head.chain ?? null;
  }

  get streams(): number {
    return this.entries.size;
  }

  /**
   * The root over the heads as they stand at this call (taken before it returns, so events
   * applied while it computes are not in it); the work runs in slices.
   */
  root(): Promise<Buffer> {
    const known = this.sorted.map((entry) => entry.head);
    const fresh = this.fresh.map((entry) => entry.head);
    return this.rootOf(known, fresh, this.generation);
  }

  private async rootOf(known: readonly Head[], fresh: readonly Head[], generation: number): Promise<Buffer> {
    const slices = new Slices();
    const all =
      fresh.length === 0
        ? known
        : await mergeInSlices(known, await sortInSlices(fresh, byNameBytes, slices), byNameBytes, slices);
    const leaves: Buffer[] = new Array<Buffer>(all.length);
    for (let i = 0; i < all.length; i++) {
      const head = all[i];
      leaves[i] = head.leaf ??= leafHash(head);
      const turn = slices.step();
      if (turn !== undefined) await turn;
    }
    if (fresh.length > 0 && generation === this.generation) {
      const sorted: Entry[] = new Array<Entry>(all.length);
      for (let i = 0; i < all.length; i++) {
        sorted[i] = this.entries.get(all[i].streamName)!;
        const turn = slices.step();
        if (turn !== undefined) await turn;
      }
      // Only if no other root replaced the order meanwhile (this one may have started earlier).
      if (generation === this.generation) {
        this.sorted = sorted;
        this.fresh = this.fresh.slice(fresh.length);
        this.generation++;
      }
    }
    return treeHash(leaves, slices);
  }
}
