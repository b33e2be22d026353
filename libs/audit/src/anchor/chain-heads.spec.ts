import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RecordedEvent } from '@one-window/event-store';
import { ChainHeads } from './chain-heads.js';
import { merkleRoot, type StreamHead } from './merkle.js';

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * The log as the heads see it, with the reference heads beside it. Names include characters
 * whose UTF-16 order differs from their UTF-8 byte order (U+FF5E against U+1F600), and streams
 * whose chain started late (no chain).
 */
class Log {
  readonly heads = new ChainHeads();
  private readonly reference = new Map<string, StreamHead>();
  private position = 0;
  private readonly names: string[] = [];

  constructor(private readonly next: () => number) {}

  write(count: number, newStreamShare = 0.3): void {
    for (let n = 0; n < count; n++) {
      const fresh = this.names.length === 0 || this.next() < newStreamShare;
      const name = fresh ? this.newName() : this.names[Math.floor(this.next() * this.names.length)];
      const revision = (this.reference.get(name)?.revision ?? -1) + 1;
      const chained = this.next() > 0.05;
      const chain = chained ? createHash('sha256').update(`${name}/${revision}`).digest('hex') : undefined;
      this.heads.apply({
        streamName: name,
        streamRevision: revision,
        position: this.position++,
        chain,
      } as RecordedEvent);
      this.reference.set(name, {
        streamName: name,
        revision,
        chain: chain === undefined ? null : Buffer.from(chain, 'hex'),
      });
    }
  }

  /** The reference root over the heads as they stand now (copied, so later writes do not reach it). */
  expected(): Promise<Buffer> {
    return merkleRoot([...this.reference.values()]);
  }

  /** The heads' root asked for now, beside the reference root of the same moment. */
  rootNow(): Roots {
    const expected = this.expected();
    return { expected, root: this.heads.root() };
  }

  private newName(): string {
    const kinds = ['case-', 'casenumber-150102-', '案件-', '～', '😀', 'a'];
    const name = `${kinds[this.names.length % kinds.length]}${Math.floor(this.next() * 1e9).toString(36)}`;
    this.names.push(name);
    return name;
  }
}

interface Roots {
  readonly root: Promise<Buffer> | Buffer;
  readonly expected: Promise<Buffer>;
}

async function expectSameRoot({ root, expected }: Roots): Promise<void> {
  expect((await root).toString('hex')).toBe((await expected).toString('hex'));
}

describe('ChainHeads keeps the anchor root incrementally (ADR 13)', () => {
  it('answers the reference root over the same heads, root after root as streams are added and moved', async () => {
    const log = new Log(random(13));
    for (const batch of [1, 7, 300, 1, 0, 2_000, 50, 5_000]) {
      log.write(batch);
      await expectSameRoot(log.rootNow());
    }
  });

  it('is the root of the heads at the call: events applied while it computes are not in it', async () => {
    const log = new Log(random(7));
    log.write(20_000);
    const before = log.rootNow();
    log.write(3_000, 0.5);
    await expectSameRoot(before);
    await expectSameRoot(log.rootNow());
  });

  it('gives each of two roots computing at once its own heads, and the next root all of them', async () => {
    const log = new Log(random(99));
    log.write(5_000);
    const first = log.rootNow();
    log.write(4_000, 0.6);
    const second = log.rootNow();
    log.write(1_000, 0.6);
    // The second (more new streams) settles first or last: either way neither undoes the other.
    const [a, b] = await Promise.all([first.root, second.root]);
    await expectSameRoot({ root: a, expected: first.expected });
    await expectSameRoot({ root: b, expected: second.expected });
    log.write(10, 0.5);
    await expectSameRoot(log.rootNow());
  });

  it('lets the event loop run while it sorts and hashes many streams', async () => {
    const log = new Log(random(2026));
    log.write(60_000, 0.9);
    let turns = 0;
    let counting = true;
    const counter = (async () => {
      while (counting) {
        await nextTurn();
        turns++;
      }
    })();
    await log.heads.root();
    counting = false;
    await counter;
    // Slices of a few milliseconds: the loop comes round many times (slices of 20,000 hashes gave 6).
    expect(turns).toBeGreaterThan(50);
  });
});
