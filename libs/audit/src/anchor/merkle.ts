import { createHash } from 'node:crypto';
import { Slices, sortInSlices } from './slices.js';

/** A stream's head: its last revision and that event's chain (null before the chain started). */
export interface StreamHead {
  readonly streamName: string;
  readonly revision: number;
  readonly chain: Buffer | null;
}

const EMPTY_TREE = createHash('sha256').digest();
const NODE = Buffer.from([1]);
const NO_CHAIN = Buffer.alloc(32);

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
    .update(head.chain ?? NO_CHAIN)
    .digest();
}

/**
 * RFC 6962 tree hash over leaf hashes already in order: interior nodes SHA-256(0x01 ‖ left ‖
 * right), a lone last node promoted. Computed in slices of a few milliseconds (ADR 13), so a
 * server with a million streams keeps answering while it anchors.
 */
export async function treeHash(leaves: readonly Buffer[], slices = new Slices()): Promise<Buffer> {
  if (leaves.length === 0) return EMPTY_TREE;
  let level = leaves;
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
      const turn = slices.step();
      if (turn !== undefined) await turn;
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}

/** Orders stream names by their UTF-8 bytes, the order of an anchor's leaves. */
export const byNameBytes = (a: { key: Buffer }, b: { key: Buffer }): number => Buffer.compare(a.key, b.key);

/**
 * The Merkle root over stream heads sorted by the UTF-8 bytes of their names: the reference
 * definition of an anchor's root ({@link ChainHeads} keeps the same root incrementally).
 */
export async function merkleRoot(heads: Iterable<StreamHead>): Promise<Buffer> {
  const slices = new Slices();
  const keyed = [...heads].map((head) => ({ key: Buffer.from(head.streamName, 'utf8'), head }));
  const sorted = await sortInSlices(keyed, byNameBytes, slices);
  const leaves: Buffer[] = [];
  for (const { head } of sorted) {
    leaves.push(leafHash(head));
    const turn = slices.step();
    if (turn !== undefined) await turn;
  }
  return treeHash(leaves, slices);
}
