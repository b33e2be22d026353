import { currentLang, type MessageParams } from './i18n.js';
import { clearSession, loadSession } from './session.js';

/** RFC 9457 problem details, as the server sends every error. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly { pointer: string; detail: string; code?: string; params?: MessageParams }[];
  /** The detail's message in the catalog, and its params (ADR 15): what the console words it from. */
  readonly code?: string;
  readonly params?: MessageParams;
  readonly state?: string;
  readonly allowed?: readonly string[];
  readonly requestId?: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** Every command answers with the event-store position it wrote; later reads wait for it. */
let lastPosition = 0;

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const session = loadSession();
  const init: RequestInit = {
    method,
    headers: {
      accept: 'application/json',
      'accept-language': currentLang() === 'zh' ? 'zh-CN' : 'en',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  const response = await fetch(path, init);
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (data as Problem | undefined) ?? {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: response.statusText,
    };
    if (response.status === 401 && session) {
      clearSession();
      onUnauthorized();
    }
    throw new ApiError(problem);
  }
  const position = (data as { position?: unknown } | undefined)?.position;
  if (method !== 'GET' && typeof position === 'number' && position > lastPosition) lastPosition = position;
  return data as T;
}

/** A read: waits server-side until the read models show this tab's own last write. */
export function get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (lastPosition > 0 && !params.has('minPosition')) params.set('minPosition', String(lastPosition));
  const qs = params.toString();
  return request<T>('GET', qs ? `${path}?${qs}` : path);
}

/** A command: the idempotency key makes a retried click write nothing twice. */
export function send<T>(path: string, body: unknown, idempotencyKey: string, method = 'POST'): Promise<T> {
  return request<T>(method, path, body ?? {}, { 'idempotency-key': idempotencyKey });
}

export function post<T>(path: string, body: unknown): Promise<T> {
  return request<T>('POST', path, body);
}

/** A problem from a failed answer, or one made from its status when the body is not one. */
async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  let problem: Problem | undefined;
  try {
    problem = text ? (JSON.parse(text) as Problem) : undefined;
  } catch {
    problem = undefined;
  }
  if (response.status === 401 && loadSession()) {
    clearSession();
    onUnauthorized();
  }
  return new ApiError(
    problem ?? {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: response.statusText,
    },
  );
}

function authHeaders(): Record<string, string> {
  const session = loadSession();
  return {
    'accept-language': currentLang() === 'zh' ? 'zh-CN' : 'en',
    ...(session ? { authorization: `Bearer ${session.token}` } : {}),
  };
}

export interface UploadedFile {
  readonly sha256: string;
  readonly size: number;
  readonly type: string;
  readonly name: string;
}

/** POST /api/blobs: one scan, streamed by the browser as multipart (ADR 16). */
export async function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/blobs', {
    method: 'POST',
    headers: { accept: 'application/json', ...authHeaders() },
    body: form,
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as UploadedFile;
}

/** An attached file's bytes (the bearer token cannot ride on an <iframe> src): shown from a blob: URL. */
export async function fetchFile(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw await failure(response);
  return response.blob();
}

/** A file the server names (Content-Disposition's filename*, else `fallback`), with its bytes. */
export async function fetchDownload(path: string, fallback: string): Promise<{ blob: Blob; name: string }> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw await failure(response);
  const named = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), name: named ? decodeURIComponent(named) : fallback };
}
