import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, StreamNotFoundError } from '@one-window/event-store';
import type { Actor, Clock } from '@one-window/shared';
import { CLOCK } from '../tokens.js';

/** The access log's streams: one per case, `file-views-<caseId>` (ADR 16). */
export const FILE_VIEWS_PREFIX = 'file-views-';
export const FILE_VIEWED = 'files.Viewed';

export type ViewDisposition = 'inline' | 'download';

export interface FileView {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly materialCode: string;
  readonly sha256: string;
  readonly name: string;
  readonly disposition: ViewDisposition;
  readonly viewedBy: { readonly userId: string; readonly name: string; readonly role: string };
  readonly viewedAt: string;
}

export interface FileViewEntry extends FileView {
  readonly position: number;
}

export interface FileViewQuery {
  readonly caseId?: string;
  /** Entries after this log position (the last page's `nextAfter`). */
  readonly after?: number;
  readonly limit: number;
}

/**
 * Who read which attached file when: an event per view, written before a byte of the file is sent
 * (a view that cannot be recorded is not served). Queried by the administrator per case (its
 * stream) or across cases (the log, filtered by the streams' prefix), in log order.
 */
@Injectable()
export class FileViews {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(view: Omit<FileView, 'viewedBy' | 'viewedAt'>, actor: Actor): Promise<void> {
    const data: FileView = {
      ...view,
      viewedBy: { userId: actor.userId, name: actor.name, role: actor.role },
      viewedAt: this.clock.now().toISOString(),
    };
    await this.store.appendToStream(`${FILE_VIEWS_PREFIX}${view.caseId}`, [
      { type: FILE_VIEWED, data, metadata: { actor: actor.userId } },
    ]);
  }

  async list(query: FileViewQuery): Promise<{ items: FileViewEntry[]; nextAfter: number | null }> {
    const from = query.after === undefined ? 'start' : query.after + 1;
    let events;
    if (query.caseId !== undefined) {
      try {
        events = await this.store.readStream(`${FILE_VIEWS_PREFIX}${query.caseId}`);
      } catch (error) {
        if (error instanceof StreamNotFoundError) return { items: [], nextAfter: null };
        throw error;
      }
      events = events.filter((e) => from === 'start' || e.position >= from).slice(0, query.limit);
    } else {
      events = await this.store.readAll({
        fromPosition: from,
        maxCount: query.limit,
        filter: { streamNamePrefixes: [FILE_VIEWS_PREFIX] },
      });
    }
    const items = events
      .filter((e) => e.type === FILE_VIEWED)
      .map((e) => ({ ...(e.data as FileView), position: e.position }));
    const last = events[events.length - 1];
    return { items, nextAfter: events.length === query.limit && last ? last.position : null };
  }
}
