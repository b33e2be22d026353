/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are inspected field by field */
/** A small client for the API tests: JSON in and out, a bearer token, and the raw response kept. */
export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  // These tests read the server's English words; a client that asks for nothing gets Chinese (ADR 15).
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': 'en',
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

export async function login(base: string, username: string, password = `demo-${username}`): Promise<string> {
  const res = await call<{ token: string }>(base, 'POST', '/api/auth/login', {
    body: { username, password },
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}
