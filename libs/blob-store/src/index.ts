// Files by content (SHA-256): the port, its filesystem and S3-compatible adapters (ADR 0016).
export * from './port/errors.js';
export { type BlobInfo, type BlobLimits, type BlobStore, checkSha256, isSha256 } from './port/blob-store.js';
export { BLOB_TYPES, type BlobType, sniff } from './port/sniff.js';
export { FsBlobStore, type FsBlobStoreOptions } from './fs/fs-blob-store.js';
export { S3BlobStore, type S3BlobStoreOptions } from './s3/s3-blob-store.js';
export { parseS3Url, type S3Location } from './s3/s3-url.js';
export { createBlobStore } from './create-blob-store.js';
