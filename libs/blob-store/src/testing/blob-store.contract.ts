import { Readable } from 'node:stream';
import type { BlobStore } from '../port/blob-store.js';
import {
  BlobNotFoundError,
  BlobTooLargeError,
  BlobTypeRefusedError,
  BlobUploadAbortedError,
  InvalidBlobHashError,
} from '../port/errors.js';
import { HEADS, MB, chunked, fileOf, generated, hashOf, readAll, sha256 } from './streams.js';

export interface BlobStoreFixture {
  readonly store: BlobStore;
  /**
   * Whatever the store holds that is not a complete blob: temporary files or objects, multipart
   * uploads left open. Must be empty after every put, refused or not.
   */
  leftovers(): Promise<string[]>;
  dispose(): Promise<void>;
}

/** A fresh, empty store per test. */
export type BlobStoreFactory = () => Promise<BlobStoreFixture>;

async function listed(store: BlobStore): Promise<string[]> {
  const hashes: string[] = [];
  for await (const hash of store.list()) hashes.push(hash);
  return hashes.sort();
}

/**
 * The one suite every BlobStore adapter must pass (docs/adr/0016-blob-store.md). It declares Jest
 * blocks; call it at the top level of an adapter's spec file.
 */
export function blobStoreContract(name: string, factory: BlobStoreFactory): void {
  describe(`BlobStore contract: ${name}`, () => {
    let fixture: BlobStoreFixture;
    let store: BlobStore;
    const limits = { maxBytes: 1 * MB };

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.dispose();
    });

    describe('put stores by content', () => {
      it.each([
        ['application/pdf', HEADS.pdf],
        ['image/jpeg', HEADS.jpeg],
        ['image/png', HEADS.png],
      ] as const)(
        '%s, told by its first bytes, is stored under its SHA-256 and read back whole',
        async (type, head) => {
          const bytes = fileOf(head, 70_000);
          const info = await store.put(chunked(bytes, 7), limits);
          expect(info).toEqual({ sha256: sha256(bytes), size: bytes.length, type });
          expect(await store.has(info.sha256)).toBe(true);
          expect(await store.stat(info.sha256)).toEqual(info);
          expect((await readAll(await store.get(info.sha256))).equals(bytes)).toBe(true);
          expect(await listed(store)).toEqual([info.sha256]);
          expect(await fixture.leftovers()).toEqual([]);
        },
      );

      it('the same content twice is stored once, and different content apart', async () => {
        const bytes = fileOf(HEADS.pdf, 10_000);
        const first = await store.put(Readable.from([bytes]), limits);
        const second = await store.put(chunked(bytes, 1000), limits);
        const other = await store.put(Readable.from([fileOf(HEADS.png, 500)]), limits);
        expect(second).toEqual(first);
        expect(await listed(store)).toEqual([first.sha256, other.sha256].sort());
        expect(await fixture.leftovers()).toEqual([]);
      });

      it('the same content put twice at once is stored once', async () => {
        const bytes = fileOf(HEADS.jpeg, 200_000);
        const [a, b] = await Promise.all([
          store.put(chunked(bytes, 4096), limits),
          store.put(chunked(bytes, 5000), limits),
        ]);
        expect(a).toEqual(b);
        expect(await listed(store)).toEqual([a.sha256]);
        expect(await fixture.leftovers()).toEqual([]);
      });

      it('content of exactly maxBytes is taken', async () => {
        const bytes = fileOf(HEADS.pdf, 4096);
        const info = await store.put(chunked(bytes, 1000), { maxBytes: 4096 });
        expect(info.size).toBe(4096);
      });

      it('a file as small as its signature is taken (a PNG of its 8 magic bytes)', async () => {
        const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect((await store.put(chunked(bytes, 1), limits)).type).toBe('image/png');
      });

      it('a 30 MB PDF stream is stored and read back equal by hash', async () => {
        const source = generated(HEADS.pdf, 30 * MB);
        const info = await store.put(source.stream, { maxBytes: 32 * MB });
        expect(info).toEqual({ sha256: source.sha256(), size: 30 * MB, type: 'application/pdf' });
        expect(await hashOf(await store.get(info.sha256))).toEqual({ sha256: info.sha256, size: 30 * MB });
        expect(await fixture.leftovers()).toEqual([]);
      }, 120_000);
    });

    describe('put refuses, and leaves nothing behind', () => {
      it.each([
        ['a Windows executable', HEADS.exe],
        ['an ELF executable', HEADS.elf],
        ['a ZIP archive', HEADS.zip],
        ['text that starts like a PDF', HEADS.text],
        ['an empty file', Buffer.alloc(0)],
        ['a file shorter than a signature (%PD)', Buffer.from('%PD', 'latin1')],
      ])('%s: refused by its type, naming the rule', async (_what, head) => {
        const bytes = head.length === 0 || head.length < 4 ? head : fileOf(head, 50_000);
        const error = await store.put(chunked(bytes, 2), limits).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BlobTypeRefusedError);
        expect(error).toMatchObject({ code: 'blob-type-refused' });
        expect((error as BlobTypeRefusedError).rule).toContain('PDF (%PDF-)');
        expect((error as BlobTypeRefusedError).message).toMatch(/PDF, JPEG or PNG/);
        expect((error as BlobTypeRefusedError).messageZh).toMatch(/PDF、JPEG 或 PNG/);
        expect(await listed(store)).toEqual([]);
        expect(await fixture.leftovers()).toEqual([]);
      });

      it('one byte over maxBytes: refused as too large', async () => {
        const bytes = fileOf(HEADS.pdf, 4097);
        const error = await store.put(chunked(bytes, 1000), { maxBytes: 4096 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BlobTooLargeError);
        expect(error).toMatchObject({ code: 'blob-too-large', maxBytes: 4096, params: { maxBytes: 4096 } });
        expect((error as BlobTooLargeError).messageZh).toContain('4 KB');
        expect(await listed(store)).toEqual([]);
        expect(await fixture.leftovers()).toEqual([]);
      });

      it('a 200 MB stream with maxBytes 10 MB is refused once 10 MB are crossed, without filling memory', async () => {
        const source = generated(HEADS.pdf, 200 * MB);
        const before = process.memoryUsage().rss;
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
        const error = await store.put(source.stream, { maxBytes: 10 * MB }).catch((e: unknown) => e);
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage().rss);
        expect(error).toBeInstanceOf(BlobTooLargeError);
        expect(source.pulled()).toBeLessThan(12 * MB);
        expect(peak - before).toBeLessThan(64 * MB);
        expect(await listed(store)).toEqual([]);
        expect(await fixture.leftovers()).toEqual([]);
      }, 120_000);

      it('a source that fails midway (7 MB in, past the first part): aborted, nothing kept', async () => {
        const source = generated(HEADS.pdf, 20 * MB, { failAfter: 7 * MB });
        const error = await store.put(source.stream, { maxBytes: 32 * MB }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BlobUploadAbortedError);
        expect(error).toMatchObject({
          code: 'blob-upload-aborted',
          cause: { message: 'the uploader went away' },
        });
        expect(await listed(store)).toEqual([]);
        expect(await fixture.leftovers()).toEqual([]);
      }, 60_000);

      it('a source destroyed without an error (the client went away): aborted, nothing kept', async () => {
        const source = generated(HEADS.png, 2 * MB, { closeAfter: 300_000 });
        const error = await store.put(source.stream, { maxBytes: 32 * MB }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BlobUploadAbortedError);
        expect(await listed(store)).toEqual([]);
        expect(await fixture.leftovers()).toEqual([]);
      });

      it('after refusals, the store still takes files', async () => {
        await store.put(chunked(HEADS.exe), limits).catch(() => undefined);
        await store.put(generated(HEADS.pdf, 2 * MB).stream, { maxBytes: MB }).catch(() => undefined);
        const info = await store.put(chunked(fileOf(HEADS.pdf, 100)), limits);
        expect(await listed(store)).toEqual([info.sha256]);
      });
    });

    describe('get, has and stat', () => {
      const absent = sha256(Buffer.from('never stored'));

      it('a hash never stored: get and stat refuse with not-found, has answers false', async () => {
        await expect(store.get(absent)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.stat(absent)).rejects.toMatchObject({ code: 'blob-not-found', sha256: absent });
        expect(await store.has(absent)).toBe(false);
      });

      it.each(['', 'abc', absent.toUpperCase(), `../../${absent.slice(6)}`, `${absent}0`, 'tmp/x'])(
        'a hash that is not 64 lowercase hex digits (%p) is refused before any lookup',
        async (value) => {
          await expect(store.get(value)).rejects.toBeInstanceOf(InvalidBlobHashError);
          await expect(store.has(value)).rejects.toMatchObject({ code: 'invalid-blob-hash' });
          await expect(store.stat(value)).rejects.toBeInstanceOf(InvalidBlobHashError);
        },
      );

      it('list is empty for an empty store and holds each stored hash once', async () => {
        expect(await listed(store)).toEqual([]);
        const files = Array.from({ length: 5 }, (_, i) => fileOf(HEADS.jpeg, 100 + i));
        const infos = [];
        for (const bytes of files) infos.push(await store.put(chunked(bytes, 50), limits));
        await store.put(chunked(files[0]), limits);
        const expected = [...new Set(infos.map((info) => info.sha256))].sort();
        expect(await listed(store)).toEqual(expected);
      });
    });

    describe('storedAt and delete (the unattached-file sweep)', () => {
      const absent = sha256(Buffer.from('never stored either'));

      it('storedAt is when the content was stored, and storing it again moves it on', async () => {
        // Whole seconds: S3's LastModified has no more.
        const before = Math.floor(Date.now() / 1000) * 1000;
        const bytes = fileOf(HEADS.pdf, 2000);
        const info = await store.put(chunked(bytes, 500), limits);
        const first = await store.storedAt(info.sha256);
        expect(first.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(first.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
        await new Promise((resolve) => setTimeout(resolve, 1100));
        expect(await store.put(chunked(bytes, 700), limits)).toEqual(info);
        expect((await store.storedAt(info.sha256)).getTime()).toBeGreaterThan(first.getTime());
        expect(await listed(store)).toEqual([info.sha256]);
        expect(await fixture.leftovers()).toEqual([]);
      });

      it('storedAt of a hash never stored is not-found; of a malformed one, refused before any lookup', async () => {
        await expect(store.storedAt(absent)).rejects.toMatchObject({
          code: 'blob-not-found',
          sha256: absent,
        });
        await expect(store.storedAt('../x')).rejects.toBeInstanceOf(InvalidBlobHashError);
      });

      it('delete removes that file and no other; the same content can be stored again after', async () => {
        const kept = await store.put(chunked(fileOf(HEADS.png, 300)), limits);
        const bytes = fileOf(HEADS.jpeg, 40_000);
        const gone = await store.put(chunked(bytes, 4096), limits);
        await store.delete(gone.sha256);
        expect(await store.has(gone.sha256)).toBe(false);
        await expect(store.get(gone.sha256)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.storedAt(gone.sha256)).rejects.toBeInstanceOf(BlobNotFoundError);
        expect(await listed(store)).toEqual([kept.sha256]);
        expect((await readAll(await store.get(kept.sha256))).length).toBe(300);
        expect(await store.put(chunked(bytes, 4096), limits)).toEqual(gone);
        expect((await readAll(await store.get(gone.sha256))).equals(bytes)).toBe(true);
        expect(await fixture.leftovers()).toEqual([]);
      });

      it('deleting a file twice, or one never stored, is no error; a malformed hash is refused', async () => {
        const info = await store.put(chunked(fileOf(HEADS.pdf, 100)), limits);
        await store.delete(info.sha256);
        await expect(store.delete(info.sha256)).resolves.toBeUndefined();
        await expect(store.delete(absent)).resolves.toBeUndefined();
        await expect(store.delete(`${absent}0`)).rejects.toBeInstanceOf(InvalidBlobHashError);
        expect(await listed(store)).toEqual([]);
      });
    });
  });
}
