import { InvalidBlobStoreUrlError } from '../port/errors.js';

/** Where an S3-compatible store keeps the files, read from `s3://bucket/prefix?…`. */
export interface S3Location {
  readonly bucket: string;
  /** '' or a key prefix ending in '/'. */
  readonly prefix: string;
  readonly region: string;
  /** For MinIO, Ceph, s3rver…: `http://host:port`; undefined for AWS itself. */
  readonly endpoint?: string;
  readonly forcePathStyle: boolean;
  /** From the URL's user:password, when it has them. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

const KNOWN_PARAMETERS = new Set(['endpoint', 'region', 'forcePathStyle']);

/**
 * `s3://[accessKey:secret@]bucket[/prefix]?endpoint=http://host:port&region=…&forcePathStyle=true`.
 * Access key and secret are percent-decoded; region defaults to us-east-1.
 */
export function parseS3Url(url: string): S3Location {
  const refuse = (reason: string, reasonZh: string): never => {
    throw new InvalidBlobStoreUrlError(url, reason, reasonZh);
  };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('not a URL', '不是有效的地址');
  }
  if (parsed.protocol !== 's3:') refuse('the scheme must be s3:', '应以 s3:// 开头');
  const bucket = parsed.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    refuse(`"${bucket}" is not a bucket name`, `“${bucket}”不是有效的存储桶名称`);
  }
  for (const key of parsed.searchParams.keys()) {
    if (!KNOWN_PARAMETERS.has(key)) {
      refuse(`unknown parameter "${key}" (known: endpoint, region, forcePathStyle)`, `未知参数“${key}”`);
    }
  }
  const endpoint = parsed.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]+\/?$/.test(endpoint)) {
    refuse('endpoint must be http(s)://host[:port]', 'endpoint 应为 http(s)://主机[:端口]');
  }
  const style = parsed.searchParams.get('forcePathStyle');
  if (style !== null && style !== 'true' && style !== 'false') {
    refuse('forcePathStyle must be true or false', 'forcePathStyle 只能为 true 或 false');
  }
  const path = decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, '');
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  if ((user === '') !== (password === '')) {
    refuse('give both the access key and the secret, or neither', '访问密钥与密码须同时提供或同时省略');
  }
  return {
    bucket,
    prefix: path === '' ? '' : `${path}/`,
    region: parsed.searchParams.get('region') ?? 'us-east-1',
    ...(endpoint !== undefined ? { endpoint } : {}),
    forcePathStyle: style === 'true',
    ...(user !== '' ? { credentials: { accessKeyId: user, secretAccessKey: password } } : {}),
  };
}
