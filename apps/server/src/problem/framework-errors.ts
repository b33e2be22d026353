import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { helmetHeaders } from '../http/security-headers.js';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details.js';

/** Longer than any id the id check allows (128), so an id it would allow reaches it (not a 414). */
export const MAX_PARAM_LENGTH = 256;
/** A request target longer than this is a 414 (Node itself refuses a request head over 16 KB). */
export const MAX_URL_LENGTH = 8192;

export interface FrameworkProblem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly titleZh: string;
  readonly detail: string;
  readonly detailZh: string;
}

const BAD_URL: FrameworkProblem = {
  status: 400,
  code: 'invalid-url',
  title: 'Invalid URL',
  titleZh: '网址有误',
  detail: 'The request URL is not valid (a malformed percent-encoding).',
  detailZh: '请求的网址格式有误（百分号编码不正确）。',
};
const URI_TOO_LONG: FrameworkProblem = {
  status: 414,
  code: 'uri-too-long',
  title: 'URI too long',
  titleZh: '网址过长',
  detail: `The request URL, or one of its path segments (at most ${MAX_PARAM_LENGTH} characters), is too long.`,
  detailZh: `请求的网址或其中一段路径（最多 ${MAX_PARAM_LENGTH} 个字符）过长。`,
};
const HEADERS_TOO_LARGE: FrameworkProblem = {
  status: 431,
  code: 'headers-too-large',
  title: 'Request headers too large',
  titleZh: '请求头过大',
  detail: 'The request headers (with the URL) exceed 16 KB.',
  detailZh: '请求头（含网址）超过 16 KB。',
};
const TIMEOUT: FrameworkProblem = {
  status: 408,
  code: 'request-timeout',
  title: 'Request timeout',
  titleZh: '请求超时',
  detail: 'The request did not arrive in time.',
  detailZh: '请求未能及时送达。',
};
const MALFORMED: FrameworkProblem = {
  status: 400,
  code: 'malformed-request',
  title: 'Malformed request',
  titleZh: '请求格式有误',
  detail: 'The request is not valid HTTP/1.1.',
  detailZh: '请求不符合 HTTP/1.1 格式。',
};
/** The answer to what nothing else maps: no internals, the request id to find it in the log. */
export const INTERNAL_ERROR: FrameworkProblem = {
  status: 500,
  code: 'http-500',
  title: 'Error',
  titleZh: '服务器内部错误',
  detail: 'Something went wrong on our side. The request id identifies it in the log.',
  detailZh: '服务器出现内部错误，日志中可按请求编号查到。',
};

function body(problem: FrameworkProblem, requestId?: string): string {
  const { code, ...words } = problem;
  return JSON.stringify({ type: problemType(code), ...words, ...(requestId ? { requestId } : {}) });
}

const API_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
};

/**
 * Fastify's router refuses a malformed URL (400) and an over-long path parameter (414) before any
 * hook, filter or the security headers run; `frameworkErrors` answers those as problem documents.
 */
const HEADERS = { ...helmetHeaders(), ...API_HEADERS };

function frameworkErrors(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const problem =
    error.code === 'FST_ERR_BAD_URL'
      ? BAD_URL
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? URI_TOO_LONG
        : INTERNAL_ERROR;
  if (problem === INTERNAL_ERROR) request.log.error({ err: error }, 'router failed');
  void reply
    .code(problem.status)
    .headers({ ...HEADERS, 'x-request-id': request.id })
    .type(PROBLEM_CONTENT_TYPE)
    .send(body(problem, request.id));
}

/** The start of the request line, when the head that overflowed still holds it. */
function requestTargetTooLong(raw: unknown): boolean {
  if (!Buffer.isBuffer(raw)) return false;
  const end = raw.indexOf('\r\n');
  return end === -1 ? raw.length > MAX_URL_LENGTH : end > MAX_URL_LENGTH;
}

/**
 * Node's HTTP parser refuses what is not HTTP at all (garbage, conflicting Content-Length and
 * Transfer-Encoding, a head over 16 KB) on the socket, before Fastify has a request: the answer is
 * written by hand, as a problem document, and the connection closed.
 */
function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? TIMEOUT
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? requestTargetTooLong(error.rawPacket)
          ? URI_TOO_LONG
          : HEADERS_TOO_LARGE
        : MALFORMED;
  if (socket.writable) {
    const text = body(problem);
    const headers = { ...HEADERS, 'content-type': PROBLEM_CONTENT_TYPE };
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
        Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        `content-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

/** Fastify options: every refusal Fastify or Node makes on its own is a problem document too. */
export const FRAMEWORK_ERROR_OPTIONS = {
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  frameworkErrors,
  clientErrorHandler,
};

/** A request target over MAX_URL_LENGTH (a query string, say) is a 414 problem before routing work. */
export function installUrlLengthLimit(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.length <= MAX_URL_LENGTH) return done();
    void reply.code(414).headers(HEADERS).type(PROBLEM_CONTENT_TYPE).send(body(URI_TOO_LONG, request.id));
  });
}
