import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { blobStoreContract } from '../testing/blob-store.contract.js';
import { HEADS, chunked, fileOf } from '../testing/streams.js';
import { createBlobStore } from '../create-blob-store.js';
import { S3BlobStore } from '../s3/s3-blob-store.js';
import { FsBlobStore } from './fs-blob-store.js';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { openTempDir } from '../../../../test/support/temp-dir.js';

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

const COMPLETE = new RegExp(`^([0-9a-f]{2})\\${sep}(\\1[0-9a-f]{62})$`);

blobStoreContract('filesystem', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'blobs-'));
  const store = await FsBlobStore.open(dataDir);
  return {
    store,
    leftovers: async () => (await filesUnder(join(dataDir, 'blobs'))).filter((f) => !COMPLETE.test(f)),
    dispose: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('FsBlobStore', () => {
  const dir = openForTests('each', () => openTempDir('blobs-'));

  it('keeps a file at blobs/<first two hex digits>/<sha256>, read-only to others', async () => {
    const store = await FsBlobStore.open(dir.path);
    const info = await store.put(chunked(fileOf(HEADS.pdf, 1000), 100), { maxBytes: 2000 });
    expect(await filesUnder(join(dir.path, 'blobs'))).toEqual([join(info.sha256.slice(0, 2), info.sha256)]);
    const mode = (await stat(join(dir.path, 'blobs', info.sha256.slice(0, 2), info.sha256))).mode & 0o777;
    expect(mode & 0o002).toBe(0);
  });

  it('on open, removes temporaries a dead process left an hour ago, and keeps younger ones', async () => {
    await FsBlobStore.open(dir.path);
    const old = join(dir.path, 'blobs', 'dead-upload.tmp');
    const young = join(dir.path, 'blobs', 'live-upload.tmp');
    await writeFile(old, 'half a file');
    await writeFile(young, 'half a file');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await FsBlobStore.open(dir.path);
    expect(await filesUnder(join(dir.path, 'blobs'))).toEqual(['live-upload.tmp']);
  });

  it('list skips what is not a blob in its folder', async () => {
    const store = await FsBlobStore.open(dir.path);
    const info = await store.put(chunked(fileOf(HEADS.png, 300)), { maxBytes: 2000 });
    await writeFile(join(dir.path, 'blobs', info.sha256.slice(0, 2), 'notes.txt'), 'x');
    await writeFile(join(dir.path, 'blobs', 'x.tmp'), 'x');
    const hashes = [];
    for await (const hash of store.list()) hashes.push(hash);
    expect(hashes).toEqual([info.sha256]);
  });
});

describe('createBlobStore', () => {
  const dir = openForTests('each', () => openTempDir('blobs-'));

  it.each([undefined, '', 'file:'])('%p: the filesystem under DATA_DIR/blobs', async (url) => {
    const store = await createBlobStore(url, dir.path);
    expect(store).toBeInstanceOf(FsBlobStore);
    expect((store as FsBlobStore).root).toBe(join(dir.path, 'blobs'));
  });

  it('file:///dir: the filesystem under dir/blobs', async () => {
    const store = await createBlobStore(`file://${join(dir.path, 'elsewhere')}`, dir.path);
    expect((store as FsBlobStore).root).toBe(join(dir.path, 'elsewhere', 'blobs'));
  });

  it('s3://: the S3-compatible store, credentials from the options when the URL has none', async () => {
    const store = await createBlobStore(
      's3://hall-files/one-window?endpoint=http://127.0.0.1:9&forcePathStyle=true',
      dir.path,
      {
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      },
    );
    expect(store).toBeInstanceOf(S3BlobStore);
    expect((store as S3BlobStore).location).toMatchObject({ bucket: 'hall-files', prefix: 'one-window/' });
    await store.close();
  });

  it.each(['ftp://host/x', 'http://minio:9000/bucket', 'file://host/relative'])(
    '%p: refused with a code and words in English and Chinese',
    async (url) => {
      const error = await createBlobStore(url, dir.path).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'invalid-blob-store-url',
        messageZh: expect.stringMatching(/\p{Script=Han}/u),
      });
    },
  );
});
