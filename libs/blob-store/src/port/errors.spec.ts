import * as kinds from './errors.js';

describe('blob-store errors', () => {
  it('are each named by their class, for logs and stack traces', () => {
    const errors = [
      new kinds.BlobTooLargeError(1024),
      new kinds.BlobTypeRefusedError('00'),
      new kinds.BlobUploadAbortedError(),
      new kinds.BlobNotFoundError('a'.repeat(64)),
      new kinds.InvalidBlobHashError('x'),
      new kinds.InvalidBlobStoreUrlError('s3://u:p@host/bucket', 'no region', '缺少区域'),
      new kinds.BlobStoreUnavailableError('put', { cause: new Error('disk') }),
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
    expect(new kinds.BlobStoreUnavailableError('put', { cause: 'x' }).cause).toBe('x');
  });
});
