import { fileURLToPath } from 'node:url';
import type { BlobStore } from './port/blob-store.js';
import { InvalidBlobStoreUrlError } from './port/errors.js';
import { FsBlobStore } from './fs/fs-blob-store.js';
import { S3BlobStore, type S3BlobStoreOptions } from './s3/s3-blob-store.js';

/**
 * The blob store a URL names (BLOB_STORE_URL, read by the app and passed in): none or `file:` —
 * files under `<dataDir>/blobs`; `file:///some/dir` — under `/some/dir/blobs`;
 * `s3://bucket/prefix?endpoint=…` — an S3-compatible bucket.
 */
export async function createBlobStore(
  url: string | undefined,
  dataDir: string,
  options: S3BlobStoreOptions = {},
): Promise<BlobStore> {
  const value = url?.trim() ?? '';
  if (value === '' || value === 'file:') return FsBlobStore.open(dataDir);
  if (value.startsWith('file:')) {
    let dir: string;
    try {
      dir = fileURLToPath(value);
    } catch {
      throw new InvalidBlobStoreUrlError(
        value,
        'a file URL must be file:///absolute/path',
        '文件地址应为 file:///绝对路径',
      );
    }
    return FsBlobStore.open(dir);
  }
  if (value.startsWith('s3:')) return S3BlobStore.fromUrl(value, options);
  throw new InvalidBlobStoreUrlError(value, 'the scheme must be file: or s3:', '应以 file: 或 s3:// 开头');
}
