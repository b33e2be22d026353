/**
 * Issuing a notice (ADR 18): its content goes, with the SHA-256 of its canonical JSON (RFC 8785),
 * into the data of the event that issues it — the same event, so a command stores its notice with
 * its facts or stores neither. A reprint hashes the stored content again and compares.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@one-window/event-store';
import type { CaseEvent } from '../events.js';
import { applyEvent } from '../domain/apply-event.js';
import { evolve, type CaseState } from '../domain/case-state.js';
import { initialContext, type CaseContext } from '../domain/context.js';
import { buildNotice, noticeKindOf, type NoticeEnvironment } from './build-notice.js';
import type { IssuedNotice, NoticeContent } from './notice-content.js';

/**
 * Hex SHA-256 of the content's canonical JSON (keys sorted; an absent field is left out as JSON
 * leaves it out, so the content hashes the same before it is stored and after it is read back).
 */
export function noticeHash(content: NoticeContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export function issueNotice(content: NoticeContent): IssuedNotice {
  return { kind: content.kind, number: content.number, sha256: noticeHash(content), content };
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
 *
 * The notice is built from the context the event leaves — the machine's own reducer (its `record`
 * action is `applyEvent`; a receipt's context is `initialContext`) — and the event, with its
 * notice, is then folded through the machine once: one transition per event, not two.
 */
export function foldWithNotices(
  from: CaseState | null,
  decided: readonly CaseEvent[],
  firstIndex: number,
  environment: (context: CaseContext) => NoticeEnvironment,
): FoldedWithNotices {
  const events: CaseEvent[] = [];
  const states: CaseState[] = [];
  let state = from;
  for (const [offset, event] of decided.entries()) {
    const stored = withNotice(state?.context ?? null, event, environment);
    const after = evolve(state, stored, firstIndex + offset);
    events.push(stored);
    states.push(after);
    state = after;
  }
  return { events, states };
}

/** The event with the notice it issues in its data, or the event itself when it issues none. */
function withNotice(
  before: CaseContext | null,
  event: CaseEvent,
  environment: (context: CaseContext) => NoticeEnvironment,
): CaseEvent {
  if (noticeKindOf(event) === null) return event;
  const after =
    event.type === 'case.Received' ? initialContext(event.data) : before && applyEvent(before, event);
  // No case before an event other than a receipt: evolve refuses it as a corrupt history.
  if (!after) return event;
  const content = buildNotice(before, after, event, environment(after));
  return content ? ({ ...event, data: { ...event.data, notice: issueNotice(content) } } as CaseEvent) : event;
}
