import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

export const MB = 1024 * 1024;

/** First bytes of each accepted type, and of things that are not. */
export const HEADS = {
  pdf: Buffer.from('%PDF-1.7\n', 'latin1'),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  /** A Windows executable (renamed .pdf by someone). */
  exe: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  elf: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]),
  zip: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  text: Buffer.from('%PDX not a pdf', 'latin1'),
} as const;

/** `head` followed by random bytes, `size` in all. */
export function fileOf(head: Buffer, size: number): Buffer {
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]).subarray(0, size);
}

export interface GeneratedStream {
  readonly stream: Readable;
  /** Bytes handed to the reader so far. */
  pulled(): number;
  /** SHA-256 of the bytes handed out (the whole content once it has all been read). */
  sha256(): string;
}

/**
 * `size` bytes that begin with `head`, made chunk by chunk as they are read (fresh buffers, never
 * the whole content in memory). `failAfter` bytes in, the stream errors; `closeAfter`, it is
 * destroyed without an error (a client that went away).
 */
export function generated(
  head: Buffer,
  size: number,
  options: { chunk?: number; failAfter?: number; closeAfter?: number } = {},
): GeneratedStream {
  const chunk = options.chunk ?? 64 * 1024;
  const hash = createHash('sha256');
  let pulled = 0;
  let counter = 0;
  const stream = new Readable({
    highWaterMark: chunk,
    read() {
      if (options.failAfter !== undefined && pulled >= options.failAfter) {
        this.destroy(new Error('the uploader went away'));
        return;
      }
      if (options.closeAfter !== undefined && pulled >= options.closeAfter) {
        this.destroy();
        return;
      }
      if (pulled >= size) {
        this.push(null);
        return;
      }
      const n = Math.min(chunk, size - pulled);
      const piece = Buffer.allocUnsafe(n).fill(counter++ & 0xff);
      if (pulled < head.length) head.copy(piece, 0, pulled, Math.min(head.length, pulled + n));
      pulled += n;
      hash.update(piece);
      this.push(piece);
    },
  });
  return { stream, pulled: () => pulled, sha256: () => hash.copy().digest('hex') };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function hashOf(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Feeds `bytes` in small chunks, so sniffing and limits meet chunk boundaries. */
export function chunked(bytes: Buffer, chunk = 3): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  return Readable.from(pieces, { objectMode: false });
}
