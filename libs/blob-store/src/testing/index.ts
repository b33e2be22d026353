export { blobStoreContract, type BlobStoreFactory, type BlobStoreFixture } from './blob-store.contract.js';
export * from './streams.js';
