import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { S3BlobStore } from '../s3/s3-blob-store.js';
import type { BlobStoreFactory } from './blob-store.contract.js';

/**
 * A fresh S3 store per test: the same bucket under a new random prefix. `openUploads(prefix)`
 * answers the keys of multipart uploads the server still holds open under that prefix.
 */
export function s3Factory(
  client: () => S3Client,
  url: (prefix: string) => string,
  openUploads: (prefix: string) => Promise<string[]>,
): BlobStoreFactory {
  return async () => {
    const prefix = `t-${randomUUID()}/`;
    const store = S3BlobStore.fromUrl(url(prefix));
    const { bucket } = store.location;
    return {
      store,
      leftovers: async () => {
        const objects: string[] = [];
        let token: string | undefined;
        do {
          const page = await client().send(
            new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
          );
          for (const { Key } of page.Contents ?? []) {
            if (!/^[0-9a-f]{64}$/.test(Key?.slice(prefix.length) ?? '')) objects.push(`object ${Key}`);
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
        return [...objects, ...(await openUploads(prefix)).map((key) => `open multipart upload ${key}`)];
      },
      dispose: () => store.close(),
    };
  };
}
