import { Inject, Injectable } from '@nestjs/common';
import { loadCase, type CaseState } from '@one-window/case';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { ServerConfig } from '../config/server-config.js';
import { ProblemError, problemType } from '../problem/problem-details.js';
import { CLOCK, SERVER_CONFIG } from '../tokens.js';
import { RatingLinkKeys, chinaDay, dayNumberToDate } from './rating-link.js';

/** Where the public pages live, beside the console. */
export const APPLICANT_PAGES = '/applicant/';

export interface RatingLink {
  readonly url: string;
  /** The link's last valid day (China date). */
  readonly validUntil: string;
  /** The link as a QR code (SVG), for notices and the pickup receipt. */
  readonly svg: string;
}

/** Makes and opens QR rating links; the key comes from the server's signing secrets (ADR 17). */
@Injectable()
export class RatingLinks {
  private readonly keys: RatingLinkKeys;

  constructor(
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.keys = new RatingLinkKeys([config.authSecret, ...config.authPreviousSecrets]);
  }

  async linkFor(caseId: string, request: FastifyRequest): Promise<RatingLink> {
    const untilDay = chinaDay(this.clock.now()) + this.config.ratingLinkTtlDays;
    const token = this.keys.seal({ caseId, untilDay });
    const base = this.config.publicBaseUrl ?? `${request.protocol}://${request.host}`;
    // After `#`: the token never reaches a server log, a proxy or a Referer.
    const url = `${base}${APPLICANT_PAGES}#/rate/${token}`;
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { url, validUntil: dayNumberToDate(untilDay), svg };
  }

  /** The case a token names, still valid today; a 404 `invalid-rating-link` otherwise. */
  async open(token: string): Promise<{ state: CaseState; validUntil: string }> {
    const claims = this.keys.open(token, this.clock.now());
    const state = claims ? (await loadCase(this.store, claims.caseId)).state : null;
    if (!claims || !state) throw invalidLink();
    return { state, validUntil: dayNumberToDate(claims.untilDay) };
  }
}

function invalidLink(): ProblemError {
  return new ProblemError({
    type: problemType('invalid-rating-link'),
    title: 'Invalid rating link',
    status: 404,
    detail: 'This rating link is invalid or has expired.',
    code: 'invalid-rating-link',
  });
}
