import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Hashes between yields to the event loop while a large tree is built. */
const HASHES_PER_SLICE = 20_000;

/** A stream's head: its last revision and that event's chain (null before the chain started). */
export interface StreamHead {
  readonly streamName: string;
  readonly revision: number;
  readonly chain: Buffer | null;
}

const EMPTY_TREE = createHash('sha256').digest();

/** RFC 6962 leaf: SHA-256(0x00 ‖ u32 name length ‖ UTF-8 name ‖ u64 revision ‖ chain or 32 zero bytes). */
export function leafHash(head: StreamHead): Buffer {
  const name = Buffer.from(head.streamName, 'utf8');
  const prefix = Buffer.alloc(1 + 4 + name.length + 8);
  prefix[0] = 0;
  prefix.writeUInt32BE(name.length, 1);
  name.copy(prefix, 5);
  prefix.writeBigUInt64BE(BigInt(head.revision), 5 + name.length);
  return createHash('sha256')
    .update(prefix)
    .update(head.chain ?? Buffer.alloc(32))
    .digest();
}

/**
 * The Merkle root (RFC 6962 tree hash: interior nodes SHA-256(0x01 ‖ left ‖ right), a lone last
 * node promoted) over stream heads sorted by the UTF-8 bytes of their names. Yields to the event
 * loop between slices, so a server with 100,000 streams keeps answering while it anchors.
 */
export async function merkleRoot(heads: Iterable<StreamHead>): Promise<Buffer> {
  const sorted = [...heads]
    .map((h) => ({ key: Buffer.from(h.streamName, 'utf8'), head: h }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  if (sorted.length === 0) return EMPTY_TREE;
  let level: Buffer[] = [];
  let hashed = 0;
  for (const { head } of sorted) {
    level.push(leafHash(head));
    if (++hashed % HASHES_PER_SLICE === 0) await nextTurn();
  }
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(
        createHash('sha256')
          .update(NODE)
          .update(level[i])
          .update(level[i + 1])
          .digest(),
      );
      if (++hashed % HASHES_PER_SLICE === 0) await nextTurn();
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}

const NODE = Buffer.from([1]);
