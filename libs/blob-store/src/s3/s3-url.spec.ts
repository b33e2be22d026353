import { parseS3Url } from './s3-url.js';

describe('parseS3Url', () => {
  it('reads bucket, prefix, endpoint, region, path style and percent-decoded credentials', () => {
    expect(
      parseS3Url(
        's3://AK%2Fx:se%40cret@hall-files/one-window/blobs/?endpoint=http://minio:9000&region=cn-north-1&forcePathStyle=true',
      ),
    ).toEqual({
      bucket: 'hall-files',
      prefix: 'one-window/blobs/',
      region: 'cn-north-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AK/x', secretAccessKey: 'se@cret' },
    });
  });

  it('a bare bucket: no prefix, us-east-1, virtual-hosted style, the SDK finds the credentials', () => {
    expect(parseS3Url('s3://hall-files')).toEqual({
      bucket: 'hall-files',
      prefix: '',
      region: 'us-east-1',
      forcePathStyle: false,
    });
  });

  it.each([
    ['s3://Hall_Files/x', /bucket name/],
    ['s3://hall-files?endpoint=minio:9000', /endpoint/],
    ['s3://hall-files?forcePathStyle=yes', /forcePathStyle/],
    ['s3://hall-files?bucket=x', /unknown parameter "bucket"/],
    ['s3://key@hall-files', /both the access key and the secret/],
    ['https://hall-files', /scheme/],
  ])('%s is refused (%s), the password never repeated', (url, reason) => {
    let error: unknown;
    try {
      parseS3Url(url);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid-blob-store-url', message: expect.stringMatching(reason) });
    expect((error as { messageZh: string }).messageZh).toMatch(/\p{Script=Han}/u);
  });

  it('a refused URL with a password shows it as ***', () => {
    expect(() => parseS3Url('s3://ak:topsecret@hall-files?x=1')).toThrow(/s3:\/\/ak:\*\*\*@hall-files/);
    expect(() => parseS3Url('s3://ak:topsecret@hall-files?x=1')).not.toThrow(/topsecret/);
  });
});
