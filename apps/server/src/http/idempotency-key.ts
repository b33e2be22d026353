import { hash, randomUUID } from 'node:crypto';
import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { canonicalJson } from '@one-window/event-store';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import { problems } from '../problem/problem-details.js';

const KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * The command id of a request. With an `Idempotency-Key`, it is derived from the caller and the
 * key (a UUID-shaped SHA-256), so a retry carries the same id and the case engine, which
 * dedupes by command id, returns the first answer and writes nothing; two users' keys never
 * collide. Without one, every request is a new command.
 */
export function commandIdFor(userId: string, key: string | undefined): string {
  if (key === undefined) return randomUUID();
  const hex = hash('sha256', `${userId}\u0000${key}`, 'hex');
  // RFC 9562 version 8 (custom) layout, so stores that want UUIDs accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !KEY.test(raw)) {
    throw problems.invalidInput('Idempotency-Key must be 1–128 visible ASCII characters (a UUID is best).', [
      { pointer: '#/headers/idempotency-key', detail: 'not a valid key' },
    ]);
  }
  return raw;
}

/**
 * The request fingerprint of the Idempotency-Key draft (§2.2): method, path (without the query)
 * and the body as parsed, canonically encoded (RFC 8785, as the event chain encodes: keys sorted by
 * UTF-16 code units), digested with SHA-256. The same request sent again
 * gives the same fingerprint whatever its key order or whitespace.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  const path = url.split('?')[0];
  return hash('sha256', `${method.toUpperCase()} ${path}\n${canonicalJson(body)}`, 'base64url');
}

/** The ids a command request carries into the case engine. */
export interface CommandRequest {
  /** Derived from the Idempotency-Key when there is one (see `commandIdFor`), else fresh. */
  readonly commandId: string;
  /** With an Idempotency-Key: the request's fingerprint (see `requestFingerprint`). */
  readonly fingerprint?: string;
  /** True when there was no Idempotency-Key: the id was made fresh for this request. */
  readonly fresh?: boolean;
}

/** The command id and fingerprint of this request. */
export const CommandId = createParamDecorator((_data: unknown, context: ExecutionContext): CommandRequest => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = idempotencyKeyOf(request);
  const commandId = commandIdFor(request.actor?.userId ?? 'anonymous', key);
  if (key === undefined) return { commandId, fresh: true };
  return { commandId, fingerprint: requestFingerprint(request.method, request.url, request.body) };
});
