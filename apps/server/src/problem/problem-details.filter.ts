import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, ProblemError, problemType } from './problem-details.js';
import { INTERNAL_ERROR } from './framework-errors.js';
import { PROBLEM_MAPPERS, type ProblemMapper } from './problem-mapper.js';
import { inLanguage, preferredLang } from './problem-language.js';

const TITLES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  503: 'Try again shortly',
};

const CODES: Record<number, string> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  413: 'too-large',
  415: 'unsupported-media-type',
};

/** Errors raised by Fastify itself (body parsing, limits) carry a status code and an FST_ code. */
interface StatusError {
  statusCode: number;
  message: string;
}

function isStatusError(error: unknown): error is StatusError {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600;
}

function fromStatus(status: number, detail: string): ProblemError {
  const code = CODES[status] ?? `http-${status}`;
  return new ProblemError({ type: problemType(code), title: TITLES[status] ?? 'Error', status, detail });
}

function httpExceptionDetail(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * The one place errors become HTTP answers: every failure leaves as RFC 9457 problem details.
 * Unknown errors are logged with the request id and answered 500 without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(PROBLEM_MAPPERS) private readonly mappers: readonly ProblemMapper[]) {}

  toProblem(error: unknown): ProblemError | undefined {
    if (error instanceof ProblemError) return error;
    for (const mapper of this.mappers) {
      const problem = mapper(error);
      if (problem) return problem;
    }
    if (error instanceof HttpException) return fromStatus(error.getStatus(), httpExceptionDetail(error));
    if (isStatusError(error)) return fromStatus(error.statusCode, error.message);
    if (error instanceof SyntaxError) return fromStatus(400, `The body is not valid JSON: ${error.message}`);
    return undefined;
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    this.send(error, request, reply);
  }

  send(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    let problem = this.toProblem(error);
    if (!problem) {
      request.log.error({ err: error }, 'unhandled error');
      const { status, code, title, titleZh, detail, detailZh } = INTERNAL_ERROR;
      problem = new ProblemError({ type: problemType(code), title, titleZh, status, detail, detailZh });
    } else if (problem.problem.status >= 500) {
      request.log.warn({ err: error, status: problem.problem.status }, problem.problem.detail);
    }
    const lang = preferredLang(request.headers['accept-language']);
    const body: ProblemDetails = inLanguage({ ...problem.problem, requestId: request.id }, lang);
    void reply
      .status(body.status)
      .headers({
        ...problem.headers,
        'content-language': lang === 'zh' ? 'zh-CN' : 'en',
        vary: 'accept-language',
      })
      .type(PROBLEM_CONTENT_TYPE)
      .send(body);
  }
}
