import {
  BlobNotFoundError,
  BlobStoreUnavailableError,
  BlobTooLargeError,
  BlobTypeRefusedError,
  BlobUploadAbortedError,
  InvalidBlobHashError,
  InvalidBlobStoreUrlError,
} from './errors.js';

describe('blob-store errors', () => {
  it('are each named by their class, for logs and stack traces', () => {
    const errors = [
      new BlobTooLargeError(1024),
      new BlobTypeRefusedError('00'),
      new BlobUploadAbortedError(),
      new BlobNotFoundError('a'.repeat(64)),
      new InvalidBlobHashError('x'),
      new InvalidBlobStoreUrlError('s3://u:p@host/bucket', 'no region', '缺少区域'),
      new BlobStoreUnavailableError('put', { cause: new Error('disk') }),
    ];
    expect(errors.map((e) => e.name)).toEqual(errors.map((e) => e.constructor.name));
    expect(errors.map((e) => e.name)).toEqual([
      'BlobTooLargeError',
      'BlobTypeRefusedError',
      'BlobUploadAbortedError',
      'BlobNotFoundError',
      'InvalidBlobHashError',
      'InvalidBlobStoreUrlError',
      'BlobStoreUnavailableError',
    ]);
    expect(new BlobStoreUnavailableError('put', { cause: 'x' }).cause).toBe('x');
  });
});
