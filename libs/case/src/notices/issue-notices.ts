/**
 * Issuing a notice (ADR 18): its content goes, with the SHA-256 of its canonical JSON (RFC 8785),
 * into the data of the event that issues it — the same event, so a command stores its notice with
 * its facts or stores neither. A reprint hashes the stored content again and compares.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@one-window/event-store';
import type { CaseEvent } from '../events.js';
import { evolve, type CaseState } from '../domain/case-state.js';
import { buildNotice, type NoticeEnvironment } from './build-notice.js';
import type { IssuedNotice, NoticeContent } from './notice-content.js';

/** Hex SHA-256 of the content's canonical JSON (keys sorted, no absent fields). */
export function noticeHash(content: NoticeContent): string {
  return hashOfJson(asJson(content));
}

/** The hash of content that is JSON already (no absent fields left to drop). */
function hashOfJson(content: NoticeContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** The content as JSON keeps it: what is stored is exactly what is hashed. */
function asJson(content: NoticeContent): NoticeContent {
  return JSON.parse(JSON.stringify(content)) as NoticeContent;
}

export function issueNotice(content: NoticeContent): IssuedNotice {
  const stored = asJson(content);
  return { kind: stored.kind, number: stored.number, sha256: hashOfJson(stored), content: stored };
}

/** Whether a stored notice's content still hashes to its stored SHA-256. */
export function noticeIntact(notice: IssuedNotice): boolean {
  return noticeHash(notice.content) === notice.sha256;
}

export interface FoldedWithNotices {
  readonly events: readonly CaseEvent[];
  /** The state after each event, notices folded in. */
  readonly states: readonly CaseState[];
}

/**
 * Folds a command's events onto `from`, giving each event that issues a notice its notice first.
 * `environment` answers for the case as it stands (the directory's words, the actor's name).
 */
export function foldWithNotices(
  from: CaseState | null,
  decided: readonly CaseEvent[],
  firstIndex: number,
  environment: (state: CaseState) => NoticeEnvironment,
): FoldedWithNotices {
  const events: CaseEvent[] = [];
  const states: CaseState[] = [];
  let state = from;
  for (const [offset, event] of decided.entries()) {
    const index = firstIndex + offset;
    let after = evolve(state, event, index);
    const content = buildNotice(state, after, event, environment(after));
    let stored = event;
    if (content) {
      stored = { ...event, data: { ...event.data, notice: issueNotice(content) } } as CaseEvent;
      after = evolve(state, stored, index);
    }
    events.push(stored);
    states.push(after);
    state = after;
  }
  return { events, states };
}
